namespace OrleansHealth.Synthetic.Population;

/// <summary>Why a visit happened; it decides the encounter code and which measures are taken.</summary>
public enum VisitKind
{
    /// <summary>A yearly check-up: all vitals and labs.</summary>
    CheckUp = 0,

    /// <summary>A visit for a symptom: weight, blood pressure, heart rate, temperature.</summary>
    Symptom = 1,

    /// <summary>The visit at which type-2 diabetes is diagnosed: vitals, glucose and HbA1c.</summary>
    DiabetesDiagnosis = 2,
}
