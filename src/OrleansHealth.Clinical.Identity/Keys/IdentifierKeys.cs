using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Identity.Keys;

/// <summary>
/// Grain keys for deterministic links: one per person-level identifier ("id:…") and one per
/// source record ("rec:…"), hashed so SSNs and MRNs do not appear as grain ids.
/// </summary>
public static class IdentifierKeys
{
    /// <summary>The key of a normalised person-level identifier (see <see cref="Identifiers.PersonIdentifiers"/>).</summary>
    public static string For(PatientIdentifier normalizedIdentifier, KeyHasher hasher)
    {
        ArgumentNullException.ThrowIfNull(normalizedIdentifier);
        ArgumentNullException.ThrowIfNull(hasher);
        return hasher.Hash("id", string.Concat(normalizedIdentifier.System, "|", normalizedIdentifier.Value));
    }

    /// <summary>The key of a source's record (its local patient id in that source).</summary>
    public static string ForSourceRecord(string sourceId, string localId, KeyHasher hasher)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceId);
        ArgumentException.ThrowIfNullOrEmpty(localId);
        ArgumentNullException.ThrowIfNull(hasher);
        return hasher.Hash("rec", string.Concat(CodeSystems.SourceLocal(sourceId), "|", localId));
    }
}
