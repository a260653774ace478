namespace OrleansHealth.Clinical.Identity.Text;

/// <summary>
/// NYSIIS (New York State Identification and Intelligence System) phonetic code, in the widely
/// used variant of Apache Commons Codec (the "dropby" reading of Taft's 1970 rules).
/// Chosen over Double Metaphone because it was designed for exactly this job — person names in an
/// identification index — and yields one code per name, so one blocking key per pass rather than
/// two; it also separates names better than Soundex (it keeps vowel positions and more consonants).
/// </summary>
public static class Nysiis
{
    /// <summary>The code length of the original (and Commons' default, "strict") variant.</summary>
    public const int StrictLength = 6;

    /// <summary>The code of the letters A–Z in <paramref name="name"/> (other characters ignored), or null when there are none.</summary>
    /// <param name="name">A name; normalise it first (<see cref="NameNormalizer"/>) to fold accents.</param>
    /// <param name="maxLength">Truncate to this length; <see cref="StrictLength"/> by default, 0 for the full code.</param>
    public static string? Encode(string? name, int maxLength = StrictLength)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var chars = Letters(name);
        if (chars.Length == 0)
        {
            return null;
        }

        TranscodeStart(chars);
        chars = TranscodeEnd(chars);

        var key = new char[chars.Length];
        var length = 0;
        key[length++] = chars[0];
        for (var i = 1; i < chars.Length; i++)
        {
            var next = i < chars.Length - 1 ? chars[i + 1] : ' ';
            var afterNext = i < chars.Length - 2 ? chars[i + 2] : ' ';
            Transcode(chars, i, next, afterNext);
            if (chars[i] != chars[i - 1])
            {
                key[length++] = chars[i];
            }
        }

        length = TrimEnding(key, length);
        if (maxLength > 0 && length > maxLength)
        {
            length = maxLength;
        }

        return new string(key, 0, length);
    }

    private static char[] Letters(string name)
    {
        var buffer = new char[name.Length];
        var length = 0;
        foreach (var raw in name)
        {
            var c = char.ToUpperInvariant(raw);
            if (c is >= 'A' and <= 'Z')
            {
                buffer[length++] = c;
            }
        }

        return length == buffer.Length ? buffer : buffer[..length];
    }

    private static void TranscodeStart(char[] s)
    {
        if (StartsWith(s, "MAC"))
        {
            s[1] = 'C';
        }
        else if (StartsWith(s, "KN"))
        {
            s[0] = 'N';
        }
        else if (s[0] == 'K')
        {
            s[0] = 'C';
        }
        else if (StartsWith(s, "PH") || StartsWith(s, "PF"))
        {
            s[0] = 'F';
            s[1] = 'F';
        }
        else if (StartsWith(s, "SCH"))
        {
            s[1] = 'S';
            s[2] = 'S';
        }
    }

    private static char[] TranscodeEnd(char[] s)
    {
        if (EndsWith(s, "EE") || EndsWith(s, "IE"))
        {
            return [.. s[..^2], 'Y'];
        }

        if (EndsWith(s, "DT") || EndsWith(s, "RT") || EndsWith(s, "RD") || EndsWith(s, "NT") || EndsWith(s, "ND"))
        {
            return [.. s[..^2], 'D'];
        }

        return s;
    }

    // Rewrites s[i] (and, for the multi-letter rules, the letters after it) in place, so later
    // positions see the already transcoded letters as their "previous" one.
    private static void Transcode(char[] s, int i, char next, char afterNext)
    {
        var previous = s[i - 1];
        var current = s[i];
        switch (current)
        {
            case 'E' when next == 'V':
                s[i] = 'A';
                s[i + 1] = 'F';
                return;
            case 'A' or 'E' or 'I' or 'O' or 'U':
                s[i] = 'A';
                return;
            case 'Q':
                s[i] = 'G';
                return;
            case 'Z':
                s[i] = 'S';
                return;
            case 'M':
                s[i] = 'N';
                return;
            case 'K':
                s[i] = next == 'N' ? 'N' : 'C';
                return;
            case 'S' when next == 'C' && afterNext == 'H':
                s[i + 1] = 'S';
                s[i + 2] = 'S';
                return;
            case 'P' when next == 'H':
                s[i] = 'F';
                s[i + 1] = 'F';
                return;
            case 'H' when !IsVowel(previous) || !IsVowel(next):
                s[i] = previous;
                return;
            case 'W' when IsVowel(previous):
                s[i] = previous;
                return;
        }
    }

    private static int TrimEnding(char[] key, int length)
    {
        if (length > 1 && key[length - 1] == 'S')
        {
            length--;
        }

        if (length > 2 && key[length - 2] == 'A' && key[length - 1] == 'Y')
        {
            key[length - 2] = 'Y';
            length--;
        }

        if (length > 1 && key[length - 1] == 'A')
        {
            length--;
        }

        return length;
    }

    private static bool IsVowel(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U';

    private static bool StartsWith(char[] s, string prefix) => s.AsSpan().StartsWith(prefix);

    private static bool EndsWith(char[] s, string suffix) => s.AsSpan().EndsWith(suffix);
}
