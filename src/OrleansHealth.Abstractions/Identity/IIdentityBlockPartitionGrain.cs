namespace OrleansHealth.Identity;

/// <summary>
/// The candidates of the identity blocks hashed to one partition (<see cref="IdentityBlocks.PartitionOf"/>).
/// A block holds the patients sharing one blocking key (a hashed phonetic name code with a date part,
/// a phone, a ZIP and birth year, …); identity resolution compares a new record only with the members
/// of its blocks, which keeps the work near-linear in the number of patients. Partitions rather than a
/// grain per block, so that resolving a chunk of records costs one call per partition, not one
/// activation, read and write per block.
/// </summary>
public interface IIdentityBlockPartitionGrain : IGrainWithIntegerKey
{
    /// <summary>The members of each of <paramref name="blockKeys"/> (an empty list for a block nobody joined).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<IdentityCandidate>>> GetCandidatesAsync(IReadOnlyList<string> blockKeys);

    /// <summary>Adds variants of patients' demographics to their blocks (a patient keeps a few variants per block).</summary>
    Task AddAsync(IReadOnlyList<BlockEntry> entries);

    /// <summary>
    /// Admits each candidate, in order, to its block as a new patient unless a member of that block
    /// matches it by then (one admitted meanwhile by another request, or earlier in this list);
    /// returns, per entry, the patient id that holds it.
    /// </summary>
    Task<IReadOnlyList<string>> AdmitAsync(IReadOnlyList<BlockEntry> entries);
}

/// <summary>A candidate for one block.</summary>
[GenerateSerializer, Immutable, Alias("oh.BlockEntry")]
public sealed record BlockEntry([property: Id(0)] string BlockKey, [property: Id(1)] IdentityCandidate Candidate);
