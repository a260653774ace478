namespace OrleansHealth.Learning.Scoring;

/// <summary>
/// The forest's answer for one candidate assignment (see <see cref="TreatmentScenarios"/>): the
/// probability and how much the trees disagree about it.
/// </summary>
/// <param name="Name">The candidate's name.</param>
/// <param name="Probability">The forest's probability with the candidate's overrides applied.</param>
/// <param name="TreeSpread">Population standard deviation of the trees' probabilities around <paramref name="Probability"/>.</param>
/// <param name="Low">10th percentile of the trees' probabilities (linear interpolation between order statistics).</param>
/// <param name="High">90th percentile of the trees' probabilities (linear interpolation between order statistics).</param>
[GenerateSerializer, Immutable, Alias("oh.learning.ScenarioScore")]
public sealed record ScenarioScore(
    [property: Id(0)] string Name,
    [property: Id(1)] double Probability,
    [property: Id(2)] double TreeSpread,
    [property: Id(3)] double Low,
    [property: Id(4)] double High);
