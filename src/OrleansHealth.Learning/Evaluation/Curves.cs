namespace OrleansHealth.Learning.Evaluation;

/// <summary>
/// ROC and precision-recall curves for a report. They are downsampled to at most
/// <see cref="MaxPoints"/> points because a report is stored and shipped per model version and plotted at
/// a few hundred pixels; the areas in the report are computed from the full sweep, never from these points.
/// </summary>
internal static class Curves
{
    public const int MaxPoints = 101;

    /// <summary>
    /// (false-positive rate, true-positive rate) from (0, 0) to (1, 1). The (0, 0) point predicts nothing
    /// positive; its threshold is the highest score plus 1, as scikit-learn 1.2 does, because JSON has no
    /// infinity. Needs both classes.
    /// </summary>
    public static IReadOnlyList<CurvePoint> Roc(ThresholdSweep sweep)
    {
        var points = new List<CurvePoint>(sweep.Thresholds.Length + 1)
        {
            new(0.0, 0.0, sweep.Thresholds[0] + 1.0),
        };
        for (var k = 0; k < sweep.Thresholds.Length; k++)
        {
            points.Add(new CurvePoint(
                (double)sweep.FalsePositives[k] / sweep.Negatives,
                (double)sweep.TruePositives[k] / sweep.Positives,
                sweep.Thresholds[k]));
        }

        return Downsample(points);
    }

    /// <summary>
    /// (recall, precision) at each distinct threshold, by increasing recall. No artificial (0, 1) start is
    /// added: precision with nothing predicted positive is undefined. Needs positives.
    /// </summary>
    public static IReadOnlyList<CurvePoint> PrecisionRecall(ThresholdSweep sweep)
    {
        var points = new List<CurvePoint>(sweep.Thresholds.Length);
        for (var k = 0; k < sweep.Thresholds.Length; k++)
        {
            var tp = sweep.TruePositives[k];
            points.Add(new CurvePoint(
                (double)tp / sweep.Positives,
                (double)tp / (tp + sweep.FalsePositives[k]),
                sweep.Thresholds[k]));
        }

        return Downsample(points);
    }

    /// <summary>
    /// Keeps evenly spaced points by index, always the first and the last, so a ROC curve still runs from
    /// (0, 0) to (1, 1) and the curve's ends are never lost to sampling.
    /// </summary>
    public static IReadOnlyList<CurvePoint> Downsample(IReadOnlyList<CurvePoint> points, int maxPoints = MaxPoints)
    {
        if (points.Count <= maxPoints)
        {
            return points.ToArray();
        }

        var kept = new CurvePoint[maxPoints];
        var last = points.Count - 1;
        for (var i = 0; i < maxPoints; i++)
        {
            // Integer arithmetic: strictly increasing indices from 0 to last, no rounding surprises.
            kept[i] = points[(int)((long)i * last / (maxPoints - 1))];
        }

        return kept;
    }
}
