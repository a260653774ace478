namespace OrleansHealth.Identity;

/// <summary>
/// The candidates sharing one blocking key (a hashed phonetic name code with a date part, a phone,
/// a ZIP and birth year, …). Identity resolution compares a new record only with the members of its
/// blocks, which keeps the work near-linear in the number of patients.
/// </summary>
public interface IIdentityBlockGrain : IGrainWithStringKey
{
    Task<IReadOnlyList<IdentityCandidate>> GetCandidatesAsync();

    /// <summary>Adds a variant of a patient's demographics (a patient keeps a few variants per block).</summary>
    Task AddAsync(IdentityCandidate candidate);

    /// <summary>
    /// Adds <paramref name="candidate"/> as a new patient unless a member now matches it (one added
    /// concurrently by another request); returns the patient id that holds the candidate.
    /// </summary>
    Task<string> AdmitAsync(IdentityCandidate candidate);
}
