namespace OrleansHealth.Clinical.Identity.Text;

/// <summary>
/// Folds Latin letters with diacritics (U+00C0–U+017F) to upper-case ASCII. The project runs with
/// invariant globalization, where <see cref="string.Normalize()"/> does not decompose accents, so
/// the fold is a table of its own (generated from the Unicode decompositions).
/// </summary>
internal static class LatinFolding
{
    private const char First = '\u00C0';

    // One entry per code point from U+00C0: the ASCII letter, '.' for a non-letter (× and ÷),
    // '*' for a letter that folds to two (see Expand).
    private const string Table =
        "AAAAAA*CEEEEIIIIDNOOOOO.OUUUUY**AAAAAA*CEEEEIIIIDNOOOOO.OUUUUY*YAAAAAACCCCCCCCDDDDEEEEEEEEEEGGGGGGGGHHHHIIIIIIIIII**JJKKKLLLLLLLLLLNNNNNNN**OOOOOO**RRRRRRSSSSSSSSTTTTTTUUUUUUUUUUUUWWYYYZZZZZZS";

    /// <summary>Writes the upper-case ASCII letters that <paramref name="c"/> stands for; returns how many (0–2).</summary>
    public static int Fold(char c, Span<char> destination)
    {
        if (c is >= 'A' and <= 'Z')
        {
            destination[0] = c;
            return 1;
        }

        if (c is >= 'a' and <= 'z')
        {
            destination[0] = (char)(c - 32);
            return 1;
        }

        if (c < First || c >= First + Table.Length)
        {
            return 0;
        }

        var mapped = Table[c - First];
        if (mapped == '.')
        {
            return 0;
        }

        if (mapped != '*')
        {
            destination[0] = mapped;
            return 1;
        }

        var pair = Expand(c);
        destination[0] = pair[0];
        destination[1] = pair[1];
        return 2;
    }

    private static string Expand(char c) => c switch
    {
        'Æ' or 'æ' => "AE",
        'Þ' or 'þ' => "TH",
        'ß' => "SS",
        'Ĳ' or 'ĳ' => "IJ",
        'Ŋ' or 'ŋ' => "NG",
        'Œ' or 'œ' => "OE",
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, "No two-letter fold for this character."),
    };
}
