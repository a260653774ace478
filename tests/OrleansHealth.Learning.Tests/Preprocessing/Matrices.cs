using OrleansHealth.Learning.Data;

namespace OrleansHealth.Learning.Tests.Preprocessing;

/// <summary>Small hand-written matrices for the preprocessing tests.</summary>
internal static class Matrices
{
    /// <summary>A matrix of <paramref name="values"/> (row-major) under <paramref name="names"/>; labels all false unless given.</summary>
    public static FeatureMatrix Of(string[] names, float[] values, bool[]? labels = null)
    {
        var rows = values.Length / names.Length;
        labels ??= new bool[rows];
        return new FeatureMatrix(names, values, labels, [.. Enumerable.Range(0, rows).Select(r => $"p{r}")]);
    }

    /// <summary>A one-column matrix.</summary>
    public static FeatureMatrix Column(float[] values, bool[]? labels = null, string name = "x") =>
        Of([name], values, labels);

    /// <summary>Builds a matrix column by column: each column lists one value per row.</summary>
    public static FeatureMatrix FromColumns(string[] names, bool[] labels, params float[][] columns)
    {
        var values = new float[labels.Length * columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            for (var r = 0; r < labels.Length; r++)
            {
                values[(r * columns.Length) + c] = columns[c][r];
            }
        }

        return Of(names, values, labels);
    }

    /// <summary>Entropy in bits of a binary variable that is true with probability <paramref name="p"/>.</summary>
    public static double Entropy(double p) => -(p * Math.Log2(p)) - ((1 - p) * Math.Log2(1 - p));
}
