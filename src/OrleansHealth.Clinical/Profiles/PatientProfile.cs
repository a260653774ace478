using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Profiles;

/// <summary>
/// The unified profile of one patient: the state of a patient grain. Facts are keyed by
/// "sourceId|recordId" so a re-sent record replaces (or, when unchanged, is recognised as) itself.
/// </summary>
[GenerateSerializer, Alias("oh.PatientProfile")]
public sealed class PatientProfile
{
    [Id(0)] public Dictionary<string, ProfileField> Demographics { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Identifiers by "system|value", with the first record that stated each.</summary>
    [Id(1)] public Dictionary<string, ProvenancedIdentifier> Identifiers { get; set; } = new(StringComparer.Ordinal);

    [Id(2)] public Dictionary<string, ProvenancedFact<ObservationFact>> Observations { get; set; } = new(StringComparer.Ordinal);

    [Id(3)] public Dictionary<string, ProvenancedFact<EventFact>> Events { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Fingerprint of the content last applied per "sourceId|recordId": the idempotency ledger.</summary>
    [Id(4)] public Dictionary<string, string> Applied { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The source-local ids known to be this patient, as "sourceId|localId".</summary>
    [Id(5)] public SortedSet<string> SourceLinks { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Bumped on every change; caches derived from the profile (features, predictions) compare it.</summary>
    [Id(6)] public long Version { get; set; }

    public static string Key(string sourceId, string recordId) => $"{sourceId}|{recordId}";
}
