using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Identity;

/// <summary>A patient as a block knows it: the enterprise id and one set of demographics a source stated.</summary>
[GenerateSerializer, Immutable, Alias("oh.IdentityCandidate")]
public sealed record IdentityCandidate(
    [property: Id(0)] string PatientId,
    [property: Id(1)] Demographics Demographics);
