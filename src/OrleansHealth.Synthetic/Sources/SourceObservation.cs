using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Synthetic.Sources;

/// <summary>
/// One observation as a source holds it. A single measure has one value under its own code; the
/// blood-pressure panel (85354-9) has two, systolic and diastolic, written as FHIR components and as
/// two CSV rows.
/// </summary>
public sealed record SourceObservation(string Id, string Category, ClinicalCode Code, DateTimeOffset EffectiveAt, IReadOnlyList<SourceQuantity> Values)
{
    public bool IsPanel => Values.Count != 1 || !Values[0].Code.Matches(Code);
}
