namespace OrleansHealth.Learning.Evaluation;

/// <summary>
/// The cumulative true- and false-positive counts at every distinct score, taken as threshold from the
/// highest down (predicted positive when score &gt;= threshold). ROC and precision-recall curves, average
/// precision and threshold choice are all read off this one O(n log n) sort. Tied scores form a single
/// step, which is what makes tied predictions count one half in the area under the ROC curve.
/// </summary>
internal sealed class ThresholdSweep
{
    private ThresholdSweep(double[] thresholds, int[] truePositives, int[] falsePositives, int positives, int negatives)
    {
        Thresholds = thresholds;
        TruePositives = truePositives;
        FalsePositives = falsePositives;
        Positives = positives;
        Negatives = negatives;
    }

    /// <summary>Distinct scores, highest first.</summary>
    public double[] Thresholds { get; }

    /// <summary>Positives scoring at or above the threshold of the same index.</summary>
    public int[] TruePositives { get; }

    /// <summary>Negatives scoring at or above the threshold of the same index.</summary>
    public int[] FalsePositives { get; }

    public int Positives { get; }

    public int Negatives { get; }

    /// <summary>Sweeps input already checked by <see cref="ScoreInput.Check"/>.</summary>
    public static ThresholdSweep Build(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var n = scores.Count;
        var keys = new double[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = -scores[i];
            order[i] = i;
        }

        Array.Sort(keys, order);

        var thresholds = new List<double>();
        var tps = new List<int>();
        var fps = new List<int>();
        int tp = 0, fp = 0;
        for (var i = 0; i < n; i++)
        {
            if (labels[order[i]])
            {
                tp++;
            }
            else
            {
                fp++;
            }

            if (i == n - 1 || keys[i + 1] != keys[i])
            {
                thresholds.Add(scores[order[i]]);
                tps.Add(tp);
                fps.Add(fp);
            }
        }

        return new ThresholdSweep([.. thresholds], [.. tps], [.. fps], tp, fp);
    }
}
