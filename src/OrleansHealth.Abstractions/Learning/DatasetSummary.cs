namespace OrleansHealth.Learning;

/// <summary>How many patients a version saw: the cohort, and its training and held-out sides.</summary>
[GenerateSerializer, Immutable, Alias("oh.DatasetSummary")]
public sealed record DatasetSummary(
    [property: Id(0)] int Patients,
    [property: Id(1)] int Cohort,
    [property: Id(2)] int TrainingRows,
    [property: Id(3)] int TrainingPositives,
    [property: Id(4)] int HoldoutRows,
    [property: Id(5)] int HoldoutPositives);
