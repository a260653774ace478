using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Units;

/// <summary>
/// Brings a LOINC observation's value into the one canonical unit of its quantity, keeping the
/// source's own value and unit beside it. Codes the catalog does not know keep their unit (in its
/// UCUM spelling); a known code with a unit that cannot be converted is refused, because storing
/// it would put two units under one code.
/// </summary>
public static class UnitNormalizer
{
    public static UnitNormalization Normalize(ObservationFact fact)
    {
        if (fact.Value is not { } value)
        {
            return UnitNormalization.Accepted(fact);
        }

        var unit = UnitAliases.Canonicalise(fact.Unit);
        var kind = fact.Code.System == CodeSystems.Loinc ? QuantityCatalog.ForLoinc(fact.Code.Code) : null;
        if (kind is null)
        {
            return UnitNormalization.Accepted(unit == fact.Unit ? fact : fact with { Unit = unit });
        }

        if (unit is null || !kind.Units.TryGetValue(unit, out var conversion))
        {
            var accepted = string.Join(", ", kind.Units.Keys);
            return UnitNormalization.Refused(
                $"unit '{fact.Unit ?? "(none)"}' is not known for LOINC {fact.Code.Code} ({kind.Name}); send one of {accepted}");
        }

        if (unit == kind.CanonicalUnit)
        {
            return UnitNormalization.Accepted(unit == fact.Unit ? fact : fact with { Unit = unit });
        }

        return UnitNormalization.Accepted(fact with
        {
            Value = Math.Round(conversion.Apply(value), 6),
            Unit = kind.CanonicalUnit,
            OriginalValue = value,
            OriginalUnit = fact.Unit,
        });
    }
}
