using OrleansHealth.Identity;

namespace OrleansHealth.Grains.Identity;

/// <summary>The best-ranked patients of a search, each in the demographics variant that ranked it, and whether more were found.</summary>
public sealed record PatientSearchMatches(IReadOnlyList<IdentityCandidate> Patients, bool Truncated);
