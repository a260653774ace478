namespace OrleansHealth.Learning.Evaluation;

/// <summary>
/// The reliability diagram of a report: ten equal-width bins over [0, 1]. Ten fixed bins (rather than
/// quantile bins) keep diagrams of different model versions and cohorts directly comparable.
/// </summary>
internal static class Calibration
{
    public const int BinCount = 10;

    /// <summary>Bins checked probabilities; see <see cref="CalibrationBin"/> for the empty-bin convention.</summary>
    public static IReadOnlyList<CalibrationBin> Bins(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        var counts = new int[BinCount];
        var predicted = new double[BinCount];
        var observed = new int[BinCount];
        for (var i = 0; i < probabilities.Count; i++)
        {
            var b = BinOf(probabilities[i]);
            counts[b]++;
            predicted[b] += probabilities[i];
            if (labels[i])
            {
                observed[b]++;
            }
        }

        var bins = new CalibrationBin[BinCount];
        for (var b = 0; b < BinCount; b++)
        {
            bins[b] = counts[b] == 0
                ? new CalibrationBin(Lower(b), Lower(b + 1), 0, 0.0, 0.0)
                : new CalibrationBin(Lower(b), Lower(b + 1), counts[b], predicted[b] / counts[b], (double)observed[b] / counts[b]);
        }

        return bins;
    }

    /// <summary>
    /// The bin whose reported edges hold <paramref name="p"/>: p * 10 alone can land on the wrong side of
    /// an edge (the double just below 0.9, times 10, rounds to exactly 9), so the guess is corrected
    /// against the same edge values the bins report, and a reader's check of Lower &lt;= p &lt; Upper
    /// always agrees with the binning.
    /// </summary>
    public static int BinOf(double p)
    {
        var b = Math.Clamp((int)Math.Floor(p * BinCount), 0, BinCount - 1);
        if (p < Lower(b))
        {
            b--;
        }
        else if (b < BinCount - 1 && p >= Lower(b + 1))
        {
            b++;
        }

        return b;
    }

    private static double Lower(int bin) => bin / (double)BinCount;
}
