namespace OrleansHealth.Learning.Evaluation;

/// <summary>
/// Average precision, the summary of the precision-recall curve that stays informative when positives are
/// rare (where AUROC flatters a model). It is computed exactly as scikit-learn's
/// <c>average_precision_score</c>: the sum over distinct thresholds of the recall gained times the precision
/// there, step-wise with no interpolation, because trapezoidal or interpolated variants are optimistic and
/// would make our figures incomparable with published ones.
/// </summary>
public static class AveragePrecision
{
    /// <summary>
    /// The average precision of <paramref name="scores"/> (any finite numbers; higher means more likely
    /// positive). Tied scores form one threshold, so their order does not matter. Throws
    /// <see cref="ArgumentException"/> when the lengths differ, the input is empty, a score is not finite,
    /// or there are no positives (recall is then undefined); with no negatives it is 1.
    /// </summary>
    public static double Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ScoreInput.Check(scores, labels, probabilities: false, nameof(scores));
        var sweep = ThresholdSweep.Build(scores, labels);
        if (sweep.Positives == 0)
        {
            throw new ArgumentException("Average precision needs positives: recall is undefined without them.", nameof(labels));
        }

        return FromSweep(sweep);
    }

    /// <summary>Shared with <see cref="BinaryEvaluation"/>, which has already swept the input.</summary>
    internal static double FromSweep(ThresholdSweep sweep)
    {
        var sum = 0.0;
        var previousTruePositives = 0;
        for (var k = 0; k < sweep.Thresholds.Length; k++)
        {
            var tp = sweep.TruePositives[k];
            if (tp == previousTruePositives)
            {
                continue;
            }

            var precision = (double)tp / (tp + sweep.FalsePositives[k]);
            sum += (tp - previousTruePositives) * precision;
            previousTruePositives = tp;
        }

        // Dividing once at the end, rather than summing recall steps, keeps the small integer cases exact.
        return sum / sweep.Positives;
    }
}
