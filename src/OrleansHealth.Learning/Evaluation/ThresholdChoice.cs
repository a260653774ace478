namespace OrleansHealth.Learning.Evaluation;

/// <summary>
/// Picks an operating threshold when a caller asks for "the chosen threshold" instead of naming one.
/// Youden's J (sensitivity + specificity − 1) weighs a missed case and a false alarm equally, which is the
/// neutral default until a clinical owner states the costs. Choose it on training or validation data, never
/// on the held-out set the report is computed from, or the report's threshold figures are optimistic.
/// </summary>
public static class ThresholdChoice
{
    /// <summary>
    /// The threshold maximising Youden's J, for use as "predicted positive when p &gt;= threshold". It is
    /// always one of the observed scores, so applying it to the same data reproduces the counts it was
    /// chosen by. When several thresholds tie, the highest wins: same J, fewer patients flagged.
    /// Throws <see cref="ArgumentException"/> when the lengths differ, the input is empty, a score is not
    /// finite, or a class is absent (J is then undefined).
    /// </summary>
    public static double MaximiseYouden(IReadOnlyList<double> p, IReadOnlyList<bool> y)
    {
        ScoreInput.Check(p, y, probabilities: false, nameof(p));
        var sweep = ThresholdSweep.Build(p, y);
        ScoreInput.RequireBothClasses(sweep.Positives, p.Count, "Youden's J");

        // J = tp/P − fp/N; scaled by P·N it is an exact integer, so ties are recognised exactly.
        long positives = sweep.Positives, negatives = sweep.Negatives;
        var best = 0;
        var bestScaled = long.MinValue;
        for (var k = 0; k < sweep.Thresholds.Length; k++)
        {
            var scaled = sweep.TruePositives[k] * negatives - sweep.FalsePositives[k] * positives;
            if (scaled > bestScaled)
            {
                bestScaled = scaled;
                best = k;
            }
        }

        return sweep.Thresholds[best];
    }
}
