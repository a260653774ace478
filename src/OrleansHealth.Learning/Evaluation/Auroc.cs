namespace OrleansHealth.Learning.Evaluation;

/// <summary>
/// Area under the ROC curve and its DeLong confidence interval. The area is the probability that a random
/// positive scores above a random negative, with ties counting one half (the Mann-Whitney statistic), so a
/// model that gives everyone the same score gets 0.5 rather than credit for an arbitrary sort order.
/// Both run in O(n log n) through midranks (Sun and Xu, 2014) rather than the O(positives x negatives)
/// pairwise definition, so they stay cheap on a whole cohort.
/// </summary>
public static class Auroc
{
    /// <summary>The two-sided 95 % standard-normal quantile; reports always quote 95 % intervals.</summary>
    private const double Z95 = 1.959963984540054;

    /// <summary>
    /// The area under the ROC curve of <paramref name="scores"/> (higher means more likely positive; any
    /// finite numbers, not only probabilities). Throws <see cref="ArgumentException"/> when the lengths
    /// differ, the input is empty, a score is not finite, or a class is absent, since the area is then
    /// undefined and a made-up value would be mistaken for a measurement.
    /// </summary>
    public static double Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> labels) =>
        DeLong(scores, labels).Area;

    /// <summary>
    /// The 95 % confidence interval of the area by DeLong's method, clamped to [0, 1]. It is the honest
    /// width of a held-out AUROC: two model versions whose intervals overlap widely are not told apart by
    /// their point estimates. With a single positive or a single negative the variance cannot be
    /// estimated and the interval is the uninformative [0, 1]; with perfect separation it collapses to
    /// the point, as DeLong's estimator does. Throws as <see cref="Compute"/> does.
    /// </summary>
    public static (double Lower, double Upper) DeLongInterval(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var (_, lower, upper) = ComputeWithInterval(scores, labels);
        return (lower, upper);
    }

    /// <summary>Both at once for <see cref="BinaryEvaluation"/>, which would otherwise rank the rows twice.</summary>
    internal static (double Area, double Lower, double Upper) ComputeWithInterval(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var (area, variance) = DeLong(scores, labels);
        if (double.IsNaN(variance))
        {
            return (area, 0.0, 1.0);
        }

        var half = Z95 * Math.Sqrt(variance);
        return (area, Math.Clamp(area - half, 0.0, 1.0), Math.Clamp(area + half, 0.0, 1.0));
    }

    /// <summary>
    /// The area and DeLong's variance estimate (NaN when a class has fewer than two rows). Each positive's
    /// placement is the share of negatives it outranks, and each negative's the share of positives that
    /// outrank it; both come from the difference between a row's midrank among all rows and among its own
    /// class, which is how ties get their half without comparing pairs.
    /// </summary>
    private static (double Area, double Variance) DeLong(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ScoreInput.Check(scores, labels, probabilities: false, nameof(scores));
        var m = ScoreInput.CountPositives(labels);
        var n = labels.Count - m;
        ScoreInput.RequireBothClasses(m, labels.Count, "AUROC");

        var positives = new double[m];
        var negatives = new double[n];
        var all = new double[m + n];
        for (int i = 0, p = 0, q = 0; i < labels.Count; i++)
        {
            all[i] = scores[i];
            if (labels[i])
            {
                positives[p++] = scores[i];
            }
            else
            {
                negatives[q++] = scores[i];
            }
        }

        var allRanks = Midranks(all);
        var positiveRanks = Midranks(positives);
        var negativeRanks = Midranks(negatives);

        // Rank sums are sums of halves: exact in double for any realistic cohort, so the area is too.
        var positiveRankSum = 0.0;
        var positivePlacements = new double[m];
        var negativePlacements = new double[n];
        for (int i = 0, p = 0, q = 0; i < labels.Count; i++)
        {
            if (labels[i])
            {
                positiveRankSum += allRanks[i];
                positivePlacements[p] = (allRanks[i] - positiveRanks[p]) / n;
                p++;
            }
            else
            {
                negativePlacements[q] = 1.0 - (allRanks[i] - negativeRanks[q]) / m;
                q++;
            }
        }

        var area = (positiveRankSum - m * (m + 1.0) / 2.0) / ((double)m * n);
        if (m < 2 || n < 2)
        {
            return (area, double.NaN);
        }

        var variance = SampleVariance(positivePlacements, area) / m + SampleVariance(negativePlacements, area) / n;
        return (area, variance);
    }

    /// <summary>Variance with the n − 1 denominator around a known mean (the placements average to the area).</summary>
    private static double SampleVariance(double[] values, double mean)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += (v - mean) * (v - mean);
        }

        return sum / (values.Length - 1);
    }

    /// <summary>1-based ranks, tied values sharing the mean of the ranks they span.</summary>
    private static double[] Midranks(double[] values)
    {
        var keys = (double[])values.Clone();
        var order = new int[values.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        var ranks = new double[values.Length];
        var start = 0;
        while (start < keys.Length)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            // Rows start..end-1 take ranks start+1..end; their mean is (start + 1 + end) / 2.
            var rank = (start + 1 + end) / 2.0;
            for (var k = start; k < end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end;
        }

        return ranks;
    }
}
