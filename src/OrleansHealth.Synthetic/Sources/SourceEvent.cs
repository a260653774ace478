using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Synthetic.Sources;

/// <summary>
/// A condition (<see cref="EventKind.Condition"/>), medication or procedure as a source holds it.
/// <see cref="End"/> is the abatement, stop or end of the procedure; <see cref="Reason"/> the condition
/// a medication or procedure is for.
/// </summary>
public sealed record SourceEvent(string Id, EventKind Kind, ClinicalCode Code, DateTimeOffset Start, DateTimeOffset? End, ClinicalCode? Reason);
