using OrleansHealth.Learning.Data;

namespace OrleansHealth.Learning.Tests.Forests;

/// <summary>Deterministic synthetic training sets for the forest tests.</summary>
internal static class Synthetic
{
    /// <summary>
    /// <paramref name="rows"/> rows of <paramref name="features"/> uniform(−1, 1) features and a label drawn
    /// from a logistic model on the first few features with an interaction, so trees have something to
    /// find that a line cannot fully capture. <paramref name="strength"/> scales the signal. Needs at least 4 features.
    /// </summary>
    public static FeatureMatrix Logistic(int rows, int features, int seed, double strength = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 4);
        var random = new Random(seed);
        var values = new float[rows * features];
        var labels = new bool[rows];
        for (var r = 0; r < rows; r++)
        {
            var x = values.AsSpan(r * features, features);
            for (var c = 0; c < features; c++)
            {
                x[c] = (float)((random.NextDouble() * 2) - 1);
            }

            var z = strength * ((2.5 * x[0]) - (2.0 * x[1]) + (3.0 * x[2] * x[3]) + (features > 4 ? x[4] : 0));
            labels[r] = random.NextDouble() < 1 / (1 + Math.Exp(-z));
        }

        return new FeatureMatrix(
            [.. Enumerable.Range(0, features).Select(c => $"f{c}")],
            values,
            labels,
            [.. Enumerable.Range(0, rows).Select(r => $"p{r}")]);
    }

    /// <summary>AUROC by the Mann-Whitney rank sum, midranks for ties.</summary>
    public static double Auroc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        var ranks = new double[scores.Count];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]])
            {
                j++;
            }

            for (var k = i; k <= j; k++)
            {
                ranks[order[k]] = ((i + j) / 2.0) + 1;
            }

            i = j + 1;
        }

        double positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        var rankSum = Enumerable.Range(0, labels.Count).Where(i => labels[i]).Sum(i => ranks[i]);
        return (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    /// <summary>Collects progress reports synchronously (unlike <see cref="Progress{T}"/>, which posts them).</summary>
    public sealed class ProgressLog(Action<double>? onReport = null) : IProgress<double>
    {
        public List<double> Reports { get; } = [];

        public void Report(double value)
        {
            Reports.Add(value);
            onReport?.Invoke(value);
        }
    }
}
