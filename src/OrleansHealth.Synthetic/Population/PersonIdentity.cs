using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Synthetic.Population;

/// <summary>
/// Who a person truly is: the demographics before any source's noise (the SSN is among the
/// identifiers). <see cref="Index"/> is the person's position in the population, 0-based.
/// </summary>
public sealed record PersonIdentity(int Index, string PersonId, Demographics Demographics, string Ssn);
