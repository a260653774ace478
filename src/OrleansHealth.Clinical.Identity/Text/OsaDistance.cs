namespace OrleansHealth.Clinical.Identity.Text;

/// <summary>
/// Optimal string alignment distance: the Damerau–Levenshtein edit count (insert, delete,
/// substitute, swap two adjacent characters) where no substring is edited twice. It differs from
/// the unrestricted distance only on contrived cases ("CA"→"ABC" is 3, not 2) and needs a single
/// pass with three rows, which matters on the per-comparison path.
/// </summary>
public static class OsaDistance
{
    private const int StackLimit = 128;

    /// <summary>The OSA distance between <paramref name="a"/> and <paramref name="b"/> (ordinal).</summary>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0)
        {
            return b.Length;
        }

        if (b.Length == 0)
        {
            return a.Length;
        }

        var width = b.Length + 1;
        Span<int> rows = 3 * width <= StackLimit ? stackalloc int[3 * width] : new int[3 * width];
        var beforePrevious = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, beforePrevious[j - 2] + 1);
                }

                current[j] = best;
            }

            var recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }

    /// <summary>True when the distance is at most <paramref name="limit"/>.</summary>
    /// <remarks>
    /// Stops as soon as a whole row of the table exceeds the limit (no alignment can come back
    /// under it), so unlike strings — most candidate pairs — cost a few rows, not the full table.
    /// </remarks>
    public static bool IsWithin(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return false;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return Math.Max(a.Length, b.Length) <= limit;
        }

        var width = b.Length + 1;
        Span<int> rows = 3 * width <= StackLimit ? stackalloc int[3 * width] : new int[3 * width];
        var beforePrevious = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, beforePrevious[j - 2] + 1);
                }

                current[j] = best;
                rowMinimum = Math.Min(rowMinimum, best);
            }

            // A transposition reaches back two rows, so both must exceed the limit before giving up.
            if (rowMinimum > limit && Min(previous) > limit)
            {
                return false;
            }

            var recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length] <= limit;
    }

    private static int Min(ReadOnlySpan<int> row)
    {
        var minimum = int.MaxValue;
        foreach (var value in row)
        {
            minimum = Math.Min(minimum, value);
        }

        return minimum;
    }
}
