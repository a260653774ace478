using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Profiles;

/// <summary>An observation or event in a profile, with where it came from.</summary>
[GenerateSerializer, Immutable, Alias("oh.ProvenancedFact")]
public sealed record ProvenancedFact<TFact>(
    [property: Id(0)] TFact Fact,
    [property: Id(1)] Provenance Source)
    where TFact : IClinicalFact;
