using OrleansHealth.Learning.Data;

namespace OrleansHealth.Learning.Preprocessing;

/// <summary>
/// Ranks features by mutual information with the binary label. Chosen over correlation because it
/// sees non-monotone relations (both low and high values risky) and treats "missing" as a value in
/// its own right, which in clinical data often says something (the test was never ordered).
/// </summary>
public static class MutualInformation
{
    /// <summary>
    /// Scores every column of <paramref name="m"/> against its labels and sorts the scores by
    /// mutual information descending, ties by column index, with 1-based ranks. Numeric values are
    /// cut into at most <paramref name="bins"/> equal-frequency (quantile) bins, so a skewed column
    /// does not end up with all its rows in one bin; a column with at most <paramref name="bins"/>
    /// distinct values keeps them as its bins. Missing values form one extra bin. Deterministic: no
    /// sampling, no randomness.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is below 2.</exception>
    public static IReadOnlyList<FeatureScore> Rank(FeatureMatrix m, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        var scores = new (int Column, double Bits)[m.Columns];
        for (var c = 0; c < m.Columns; c++)
        {
            scores[c] = (c, Score(m, c, bins));
        }

        return
        [
            .. scores
                .OrderByDescending(s => s.Bits)
                .ThenBy(s => s.Column)
                .Select((s, i) => new FeatureScore(s.Column, m.Names[s.Column], s.Bits, i + 1)),
        ];
    }

    /// <summary>Mutual information in bits between column <paramref name="column"/>, discretised, and the labels.</summary>
    internal static double Score(FeatureMatrix m, int column, int bins)
    {
        var n = m.Rows;
        if (n == 0)
        {
            return 0;
        }

        var cuts = Cuts(m, column, bins);
        var missingBin = cuts.Length + 1;
        var counts = new long[missingBin + 1, 2];
        for (var r = 0; r < n; r++)
        {
            var value = m[r, column];
            var bin = float.IsNaN(value) ? missingBin : BinOf(cuts, value);
            counts[bin, m.Labels[r] ? 1 : 0]++;
        }

        var positives = m.Labels.Count(l => l);
        long[] labelTotals = [n - positives, positives];
        // Sum count-weighted terms and divide by n once: fewer roundings, so a feature that equals a
        // balanced label scores exactly 1 bit however many bins it spans.
        double weighted = 0;
        for (var b = 0; b <= missingBin; b++)
        {
            var binTotal = counts[b, 0] + counts[b, 1];
            for (var y = 0; y < 2; y++)
            {
                var joint = counts[b, y];
                if (joint > 0)
                {
                    weighted += joint * Math.Log2((double)joint * n / ((double)binTotal * labelTotals[y]));
                }
            }
        }

        // Rounding can leave a hair below zero for an independent feature; information is never negative.
        return Math.Max(0, weighted / n);
    }

    /// <summary>
    /// Ascending cut points: a value's bin is the number of cut points at or below it. With few
    /// distinct values every distinct value but the smallest is a cut, so each value is its own bin;
    /// otherwise the cuts are the values at ranks n·k/bins, de-duplicated, so heavy ties give fewer bins.
    /// </summary>
    private static float[] Cuts(FeatureMatrix m, int column, int bins)
    {
        var present = new List<float>(m.Rows);
        for (var r = 0; r < m.Rows; r++)
        {
            var value = m[r, column];
            if (!float.IsNaN(value))
            {
                present.Add(value);
            }
        }

        present.Sort();
        var distinct = present.Distinct().ToArray();
        if (distinct.Length <= bins)
        {
            return distinct.Length == 0 ? [] : distinct[1..];
        }

        var cuts = new SortedSet<float>();
        for (var k = 1; k < bins; k++)
        {
            cuts.Add(present[(int)((long)k * present.Count / bins)]);
        }

        return [.. cuts];
    }

    private static int BinOf(float[] cuts, float value)
    {
        // Index of the first cut above the value = number of cuts at or below it.
        int lo = 0, hi = cuts.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (cuts[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
