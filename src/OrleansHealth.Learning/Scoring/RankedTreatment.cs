namespace OrleansHealth.Learning.Scoring;

/// <summary>
/// One candidate for one patient: the predicted probability of a good outcome under it, the spread of
/// the trees' votes (standard deviation and the 10th–90th percentile band of the good-outcome
/// probability), how many training patients had this treatment, and a note when the patient lies
/// outside what the model saw for it.
/// </summary>
[GenerateSerializer, Immutable, Alias("oh.learning.RankedTreatment")]
public sealed record RankedTreatment(
    [property: Id(0)] int Rank,
    [property: Id(1)] string Treatment,
    [property: Id(2)] double GoodOutcome,
    [property: Id(3)] double Spread,
    [property: Id(4)] double Low,
    [property: Id(5)] double High,
    [property: Id(6)] int TrainingPatients,
    [property: Id(7)] string? Note);
