using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Synthetic.Clinical;

/// <summary>
/// How one measure is coded and in which units it is reported. The canonical unit is what the truth
/// holds; a source with <see cref="UnitProfile.Alternative"/> reports <see cref="AlternativeUnit"/>
/// instead, computed as <c>canonical × AlternativeScale + AlternativeOffset</c>.
/// </summary>
/// <param name="Code">The LOINC code with its display.</param>
/// <param name="Category">FHIR observation category: <c>vital-signs</c> or <c>laboratory</c>.</param>
/// <param name="Unit">UCUM code of the canonical unit.</param>
/// <param name="Decimals">Decimals the canonical value is rounded to.</param>
/// <param name="AlternativeUnit">UCUM code some sources use instead, or null when every source uses the canonical unit.</param>
public sealed record MeasureDefinition(
    Measure Measure,
    ClinicalCode Code,
    string Category,
    string Unit,
    int Decimals,
    string? AlternativeUnit = null,
    double AlternativeScale = 1.0,
    double AlternativeOffset = 0.0,
    int AlternativeDecimals = 1)
{
    /// <summary>The value as a source with the given unit profile reports it, with its unit.</summary>
    public (double Value, string Unit) Report(double canonicalValue, UnitProfile profile) =>
        profile == UnitProfile.Alternative && AlternativeUnit is not null
            ? (Math.Round((canonicalValue * AlternativeScale) + AlternativeOffset, AlternativeDecimals), AlternativeUnit)
            : (canonicalValue, Unit);
}
