namespace OrleansHealth.Synthetic.Outcomes;

/// <summary>The candidate treatments decided at the index visit. Exactly one is given to each person.</summary>
public enum Treatment
{
    /// <summary>No preventive treatment.</summary>
    None = 0,

    /// <summary>Metformin (RxNorm 860975), a MedicationRequest / medications.csv row.</summary>
    Metformin = 1,

    /// <summary>A lifestyle (weight management) programme (SNOMED 718361005), a Procedure / procedures.csv row.</summary>
    Lifestyle = 2,
}
