namespace OrleansHealth.Clinical.Units;

/// <summary>
/// One measured quantity (body weight, glucose, …): the LOINC codes that report it, the canonical
/// unit every value is stored in, the units accepted with their conversions, and the range of
/// values a living patient can have (used by validation).
/// </summary>
public sealed record QuantityKind(
    string Name,
    IReadOnlyList<string> LoincCodes,
    string CanonicalUnit,
    IReadOnlyDictionary<string, UnitConversion> Units,
    double PlausibleMin,
    double PlausibleMax);
