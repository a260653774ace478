namespace OrleansHealth.Identity;

/// <summary>
/// A write-once claim on an identity key (see <see cref="IdentityKeys"/>): a source-local patient id,
/// or a person-level identifier such as an SSN. The first claim wins and later claimants learn the
/// holder, which makes retried and concurrent sends of the same person land on one patient.
/// </summary>
public interface IIdentityClaimGrain : IGrainWithStringKey
{
    /// <summary>The enterprise patient id holding this key, or null.</summary>
    Task<string?> GetAsync();

    /// <summary>Claims the key for <paramref name="patientId"/> unless it is held; returns the holder.</summary>
    Task<string> ClaimAsync(string patientId);
}
