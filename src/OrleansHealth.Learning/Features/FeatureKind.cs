namespace OrleansHealth.Learning.Features;

/// <summary>What a feature measures. Every kind reads the de-identified <see cref="ClinicalTimeline"/>.</summary>
[GenerateSerializer, Alias("oh.learning.FeatureKind")]
public enum FeatureKind
{
    /// <summary>Age in whole years at the reference date.</summary>
    Age = 0,

    /// <summary>1 male, 0 female, missing when unknown.</summary>
    Sex = 1,

    /// <summary>An aggregate (<see cref="Aggregate"/>) of an observation code's numeric values over a window.</summary>
    Observation = 2,

    /// <summary>1 when a condition with the code (or code prefix) started by the reference date, else 0.</summary>
    Condition = 3,

    /// <summary>1 when a medication with the code (or code prefix) started by the reference date, else 0.</summary>
    Medication = 4,

    /// <summary>1 when a procedure with the code (or code prefix) was done by the reference date, else 0.</summary>
    Procedure = 5,

    /// <summary>The number of encounters in the window.</summary>
    Encounters = 6,

    /// <summary>A column of a <c>tabular</c> source, as ingested (one row per patient).</summary>
    Column = 7,
}
