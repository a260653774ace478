namespace OrleansHealth.Cli.Bench;

/// <summary>
/// Latency percentiles by nearest rank: the smallest recorded value with at least p % of the values at or below
/// it. Always a latency that really happened (no interpolation between two requests), and p50 ≤ p95 ≤ p99 ≤ max
/// by construction.
/// </summary>
public sealed record Percentiles(int Count, double P50, double P95, double P99, double Max)
{
    /// <summary>The percentiles of <paramref name="values"/>, or null when there are none.</summary>
    public static Percentiles? Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        Array.Sort(sorted);
        return new Percentiles(sorted.Length, NearestRank(sorted, 50), NearestRank(sorted, 95), NearestRank(sorted, 99), sorted[^1]);
    }

    /// <summary>The value of rank ⌈p/100 × n⌉ (1-based) in ascending <paramref name="sorted"/>; rank 1 for p = 0.</summary>
    public static double NearestRank(IReadOnlyList<double> sorted, double percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("no values to rank.", nameof(sorted));
        }

        if (double.IsNaN(percent) || percent is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "a percentile is 0–100.");
        }

        // The rank is computed on a rounded product: 95 % of 20 is 19 exactly, not 19.000000000000004 (which would
        // round up to rank 20).
        var rank = (int)Math.Ceiling(Math.Round(percent / 100 * sorted.Count, 9));
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
