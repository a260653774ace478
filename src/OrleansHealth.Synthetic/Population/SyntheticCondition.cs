using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Synthetic.Population;

/// <summary>A condition of the true history, recorded at visit <see cref="VisitNumber"/>.</summary>
public sealed record SyntheticCondition(ClinicalCode Code, int VisitNumber, DateTimeOffset Onset, DateTimeOffset? Abatement);
