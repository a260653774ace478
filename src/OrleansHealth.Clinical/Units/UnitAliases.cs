namespace OrleansHealth.Clinical.Units;

/// <summary>
/// Spellings feeds use for the same unit (UCUM codes, printed forms, common typos of case) mapped to
/// one UCUM form, so that "mg/dl", "mg/dL" and "MG/DL" are one unit.
/// </summary>
public static class UnitAliases
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mg/dl"] = "mg/dL",
        ["mmol/l"] = "mmol/L",
        ["umol/l"] = "umol/L",
        ["µmol/l"] = "umol/L",
        ["kg"] = "kg",
        ["g"] = "g",
        ["lb"] = "[lb_av]",
        ["lbs"] = "[lb_av]",
        ["[lb_av]"] = "[lb_av]",
        ["oz"] = "[oz_av]",
        ["[oz_av]"] = "[oz_av]",
        ["cm"] = "cm",
        ["m"] = "m",
        ["in"] = "[in_i]",
        ["[in_i]"] = "[in_i]",
        ["ft"] = "[ft_i]",
        ["[ft_i]"] = "[ft_i]",
        ["cel"] = "Cel",
        ["°c"] = "Cel",
        ["degc"] = "Cel",
        ["c"] = "Cel",
        ["[degf]"] = "[degF]",
        ["°f"] = "[degF]",
        ["degf"] = "[degF]",
        ["f"] = "[degF]",
        ["k"] = "K",
        ["%"] = "%",
        ["mmol/mol"] = "mmol/mol",
        ["kg/m2"] = "kg/m2",
        ["kg/m^2"] = "kg/m2",
        ["mm[hg]"] = "mm[Hg]",
        ["mmhg"] = "mm[Hg]",
        ["/min"] = "/min",
        ["{beats}/min"] = "/min",
        ["beats/min"] = "/min",
        ["bpm"] = "/min",
        ["{breaths}/min"] = "/min",
        ["breaths/min"] = "/min",
    };

    /// <summary>The UCUM form of <paramref name="unit"/>, or the trimmed text itself when it is not a known alias.</summary>
    public static string? Canonicalise(string? unit)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            return null;
        }

        var trimmed = unit.Trim();
        return Aliases.TryGetValue(trimmed, out var canonical) ? canonical : trimmed;
    }
}
