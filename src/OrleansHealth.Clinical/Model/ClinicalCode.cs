namespace OrleansHealth.Clinical.Model;

/// <summary>A code from a code system (LOINC, SNOMED CT, RxNorm, …) with its display text when known.</summary>
[GenerateSerializer, Immutable, Alias("oh.ClinicalCode")]
public sealed record ClinicalCode(
    [property: Id(0)] string System,
    [property: Id(1)] string Code,
    [property: Id(2)] string? Display = null)
{
    /// <summary>Equality on system and code only: two displays of one code are the same code.</summary>
    public bool Matches(ClinicalCode other) =>
        string.Equals(System, other.System, StringComparison.Ordinal) && string.Equals(Code, other.Code, StringComparison.Ordinal);

    public override string ToString() => $"{System}|{Code}";
}
