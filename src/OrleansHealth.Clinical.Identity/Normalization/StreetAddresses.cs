using System.Collections.Frozen;
using System.Text;
using OrleansHealth.Clinical.Identity.Text;

namespace OrleansHealth.Clinical.Identity.Normalization;

/// <summary>
/// Puts an address line into one spelling: upper-case ASCII words, punctuation dropped, the
/// usual street-type and unit words abbreviated ("784 Stamm Lock Unit 46" and "784 STAMM LOCK #46"
/// both become "784 STAMM LOCK # 46").
/// </summary>
public static class StreetAddresses
{
    private static readonly FrozenDictionary<string, string> Abbreviations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["STREET"] = "ST", ["AVENUE"] = "AVE", ["AV"] = "AVE", ["ROAD"] = "RD", ["DRIVE"] = "DR",
        ["LANE"] = "LN", ["BOULEVARD"] = "BLVD", ["COURT"] = "CT", ["PLACE"] = "PL", ["SQUARE"] = "SQ",
        ["TERRACE"] = "TER", ["HIGHWAY"] = "HWY", ["PARKWAY"] = "PKWY", ["CIRCLE"] = "CIR",
        ["TRAIL"] = "TRL", ["NORTH"] = "N", ["SOUTH"] = "S", ["EAST"] = "E", ["WEST"] = "W",
        ["APARTMENT"] = "#", ["APT"] = "#", ["SUITE"] = "#", ["STE"] = "#", ["UNIT"] = "#",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The normalised line, or null when it has no letter or digit.</summary>
    public static string? Normalize(string? addressLine)
    {
        if (string.IsNullOrWhiteSpace(addressLine))
        {
            return null;
        }

        var result = new StringBuilder(addressLine.Length);
        var word = new StringBuilder();
        Span<char> folded = stackalloc char[2];
        foreach (var c in addressLine)
        {
            if (c == '#')
            {
                Append(result, word);
                AppendWord(result, "#");
                continue;
            }

            var count = char.IsAsciiDigit(c) ? Copy(c, folded) : LatinFolding.Fold(c, folded);
            if (count == 0)
            {
                Append(result, word);
                continue;
            }

            word.Append(folded[..count]);
        }

        Append(result, word);
        return result.Length == 0 ? null : result.ToString();
    }

    private static int Copy(char c, Span<char> destination)
    {
        destination[0] = c;
        return 1;
    }

    private static void Append(StringBuilder result, StringBuilder word)
    {
        if (word.Length == 0)
        {
            return;
        }

        var text = word.ToString();
        AppendWord(result, Abbreviations.GetValueOrDefault(text, text));
        word.Clear();
    }

    private static void AppendWord(StringBuilder result, string word)
    {
        if (result.Length > 0)
        {
            result.Append(' ');
        }

        result.Append(word);
    }
}
