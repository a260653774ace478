using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Evaluation;

namespace OrleansHealth.Learning.Training;

/// <summary>
/// Global importance of each input: the drop of held-out AUROC when that column is shuffled among the
/// held-out rows. Measured on data the model never saw, and for any model (forest or baseline).
/// </summary>
public static class PermutationImportance
{
    public static double[] Compute(FeatureMatrix holdout, Func<float[], double> predict, int seed)
    {
        var labels = holdout.Labels;
        var baseline = Auroc(holdout, predict, labels, column: -1, permutation: null);
        var importance = new double[holdout.Columns];
        var random = new Random(seed);
        for (var c = 0; c < holdout.Columns; c++)
        {
            var permutation = Enumerable.Range(0, holdout.Rows).ToArray();
            random.Shuffle(permutation);
            importance[c] = baseline - Auroc(holdout, predict, labels, c, permutation);
        }

        return importance;
    }

    private static double Auroc(FeatureMatrix m, Func<float[], double> predict, bool[] labels, int column, int[]? permutation)
    {
        var scores = new double[m.Rows];
        var row = new float[m.Columns];
        for (var r = 0; r < m.Rows; r++)
        {
            m.Row(r).CopyTo(row);
            if (permutation is not null)
            {
                row[column] = m[permutation[r], column];
            }

            scores[r] = predict(row);
        }

        return Evaluation.Auroc.Compute(scores, labels);
    }
}
