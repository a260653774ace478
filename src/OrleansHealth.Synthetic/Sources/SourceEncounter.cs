using OrleansHealth.Clinical.Model;
using OrleansHealth.Synthetic.Population;

namespace OrleansHealth.Synthetic.Sources;

/// <summary>One visit as the source it happened at records it, with what was measured and recorded there.</summary>
public sealed record SourceEncounter(
    string Id,
    VisitKind Kind,
    ClinicalCode Code,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<SourceObservation> Observations,
    IReadOnlyList<SourceEvent> Events)
{
    /// <summary>The FHIR v3-ActCode encounter class (all synthetic visits are ambulatory).</summary>
    public const string ActCode = "AMB";

    /// <summary>Synthea's ENCOUNTERCLASS column.</summary>
    public string SyntheaClass => Kind == VisitKind.CheckUp ? "wellness" : "ambulatory";
}
