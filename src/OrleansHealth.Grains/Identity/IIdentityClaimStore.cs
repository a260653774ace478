namespace OrleansHealth.Grains.Identity;

/// <summary>
/// The write-once claims of the master patient index (keys from <see cref="OrleansHealth.Identity.IdentityKeys"/>):
/// a source-local patient id, or a person-level identifier such as an SSN, held by one enterprise
/// patient. The first claim wins and later claimants learn the holder, which makes retried and
/// concurrent sends of the same person land on one patient. Claims are rows with a unique key, not
/// grains: the store enforces first-claim-wins itself, and a chunk's claims go in one round trip
/// instead of one grain activation, read and write per key.
/// </summary>
public interface IIdentityClaimStore
{
    /// <summary>The holders of those of <paramref name="keys"/> that are claimed.</summary>
    Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);

    /// <summary>Claims every key for its patient unless it is held already; returns the holder of every key afterwards.</summary>
    Task<IReadOnlyDictionary<string, string>> ClaimAsync(IReadOnlyDictionary<string, string> claims, CancellationToken cancellationToken = default);
}
