using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Synthetic.Sources;

/// <summary>
/// One person as one source holds them: the source's local id and demographics (noise applied, see
/// <see cref="SourceDemographicRecord"/>), and the encounters that happened at this source. A
/// person's visits are spread over the sources that know them, so each source holds a part of the
/// history. <see cref="SentTwice"/>: the source sends this patient and all its records twice.
/// <see cref="LastUpdated"/> is written as the Patient's meta.lastUpdated.
/// </summary>
public sealed record SourcePatient(
    SourceProfile Source,
    string LocalId,
    string PersonId,
    Demographics Demographics,
    bool SentTwice,
    DateTimeOffset LastUpdated,
    IReadOnlyList<SourceEncounter> Encounters);
