using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Synthetic.Sources;

/// <summary>
/// What one source says about who one of its patients is, with the truth beside it: the source's
/// local id, its (noisy) demographics with its MRN (and SSN when it carries one), and the true
/// person id. <see cref="IsResend"/> marks the second copy of a duplicate send.
/// </summary>
public sealed record SourceDemographicRecord(string SourceId, string LocalId, Demographics Demographics, string PersonId, bool IsResend);
