namespace OrleansHealth.Clinical.Identity.Text;

/// <summary>
/// Jaro and Jaro–Winkler similarity (0 = nothing in common, 1 = equal), Winkler's constants:
/// a common prefix of up to 4 characters, scaling 0.1, applied only when the Jaro similarity
/// exceeds 0.7 — typing errors are rarer at the start of a name, so a shared start is evidence.
/// </summary>
public static class JaroWinkler
{
    private const double PrefixScale = 0.1;
    private const int MaxPrefix = 4;
    private const double BoostThreshold = 0.7;
    private const int StackLimit = 128;

    /// <summary>Jaro–Winkler similarity of two strings compared ordinally.</summary>
    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var jaro = Jaro(a, b);
        if (jaro <= BoostThreshold)
        {
            return jaro;
        }

        var limit = Math.Min(MaxPrefix, Math.Min(a.Length, b.Length));
        var prefix = 0;
        while (prefix < limit && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + prefix * PrefixScale * (1 - jaro);
    }

    /// <summary>Jaro similarity: matching characters within half the longer length, less half the transpositions.</summary>
    public static double Jaro(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 && b.Length == 0)
        {
            return 1;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var window = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        Span<bool> aMatched = a.Length <= StackLimit ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> bMatched = b.Length <= StackLimit ? stackalloc bool[b.Length] : new bool[b.Length];

        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (!bMatched[j] && a[i] == b[j])
                {
                    aMatched[i] = true;
                    bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var outOfOrder = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
            {
                continue;
            }

            while (!bMatched[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                outOfOrder++;
            }

            k++;
        }

        double m = matches;
        return (m / a.Length + m / b.Length + (m - outOfOrder / 2.0) / m) / 3;
    }
}
