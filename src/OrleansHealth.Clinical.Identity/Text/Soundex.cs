namespace OrleansHealth.Clinical.Identity.Text;

/// <summary>
/// American Soundex (the census rules): the first letter, then up to three digits for the
/// consonant classes that follow, zero-padded. Letters of one class separated only by H or W
/// count once; a vowel between them makes them count twice.
/// </summary>
public static class Soundex
{
    // Code per letter A–Z; '0' = vowel (A E I O U Y) separating runs, '-' = H/W, which do not.
    private const string Codes = "0123012-02245501262301-202";

    /// <summary>The four-character code of the letters in <paramref name="name"/>, or null when it has no letter A–Z.</summary>
    public static string? Encode(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        Span<char> code = stackalloc char[4];
        var length = 0;
        var previous = '\0';
        foreach (var raw in name)
        {
            var letter = char.ToUpperInvariant(raw);
            if (letter is < 'A' or > 'Z')
            {
                continue;
            }

            var digit = Codes[letter - 'A'];
            if (length == 0)
            {
                code[length++] = letter;
                previous = digit;
                continue;
            }

            if (digit == '-')
            {
                continue;
            }

            if (digit != '0' && digit != previous)
            {
                code[length++] = digit;
                if (length == 4)
                {
                    break;
                }
            }

            previous = digit;
        }

        if (length == 0)
        {
            return null;
        }

        code[length..].Fill('0');
        return new string(code);
    }
}
