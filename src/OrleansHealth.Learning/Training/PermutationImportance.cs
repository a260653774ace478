using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Evaluation;

namespace OrleansHealth.Learning.Training;

/// <summary>
/// Global importance of each input: the drop of held-out AUROC when that column is shuffled among the
/// held-out rows. Measured on data the model never saw, and for any model (forest or baseline).
/// </summary>
public static class PermutationImportance
{
    /// <summary>With a per-row predictor.</summary>
    public static double[] Compute(FeatureMatrix holdout, Func<float[], double> predict, int seed) =>
        Compute(holdout, m => [.. Enumerable.Range(0, m.Rows).Select(r => predict(m.Row(r).ToArray()))], seed);

    /// <summary>With a predictor that scores a whole matrix at once (the compiled forest's batch kernel is many times faster per row).</summary>
    public static double[] Compute(FeatureMatrix holdout, Func<FeatureMatrix, double[]> predictAll, int seed)
    {
        var labels = holdout.Labels;
        var baseline = Auroc.Compute(predictAll(holdout), labels);
        var importance = new double[holdout.Columns];
        var random = new Random(seed);
        for (var c = 0; c < holdout.Columns; c++)
        {
            var permutation = Enumerable.Range(0, holdout.Rows).ToArray();
            random.Shuffle(permutation);
            importance[c] = baseline - Auroc.Compute(predictAll(Permuted(holdout, c, permutation)), labels);
        }

        return importance;
    }

    private static FeatureMatrix Permuted(FeatureMatrix m, int column, int[] permutation)
    {
        var values = (float[])m.Values.Clone();
        for (var r = 0; r < m.Rows; r++)
        {
            values[(r * m.Columns) + column] = m[permutation[r], column];
        }

        return new FeatureMatrix(m.Names, values, m.Labels, m.RowIds);
    }
}
