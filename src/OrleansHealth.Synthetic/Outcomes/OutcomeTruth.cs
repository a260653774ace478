namespace OrleansHealth.Synthetic.Outcomes;

/// <summary>
/// The ground truth of one person's treatment and outcome: the probability of type-2 diabetes onset
/// within the outcome window under each candidate treatment, the probability of being given each
/// (the confounded assignment), the treatment actually given, and the outcome drawn. One uniform
/// draw decides every potential outcome (outcome under t = draw &lt; risk under t), so they are
/// consistent: a person who develops diabetes under metformin also does untreated.
/// </summary>
public sealed record OutcomeTruth(
    Treatment Treatment,
    bool Outcome,
    DateTimeOffset? OnsetAt,
    PerTreatment<double> Risk,
    PerTreatment<double> Propensity,
    PerTreatment<bool> PotentialOutcome);
