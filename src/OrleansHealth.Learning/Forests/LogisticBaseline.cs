namespace OrleansHealth.Learning.Forests;

/// <summary>
/// The linear baseline every forest is compared with: an L2-regularised logistic regression on
/// standardised features. If a forest does not beat it on held-out data, the forest's complexity is not
/// paying for itself. Stored as plain numbers so scoring needs no ML.NET.
/// </summary>
/// <param name="Weights">One weight per standardised feature.</param>
/// <param name="Bias">The intercept.</param>
[GenerateSerializer, Immutable, Alias("oh.learning.LogisticBaseline")]
public sealed record LogisticBaseline(
    [property: Id(0)] double[] Weights,
    [property: Id(1)] double Bias)
{
    /// <summary>Number of features a row must have.</summary>
    public int Width => Weights.Length;

    /// <summary>
    /// <c>σ(w·x + b)</c> for a row standardised exactly as the training data was (the weights mean
    /// nothing on raw values).
    /// </summary>
    /// <exception cref="ArgumentException">The row does not have <see cref="Width"/> values.</exception>
    public double Probability(ReadOnlySpan<float> standardizedRow)
    {
        if (standardizedRow.Length != Weights.Length)
        {
            throw new ArgumentException($"The baseline reads rows of {Weights.Length} features, not {standardizedRow.Length}.", nameof(standardizedRow));
        }

        var z = Bias;
        for (var i = 0; i < Weights.Length; i++)
        {
            z += Weights[i] * standardizedRow[i];
        }

        // Two forms of the sigmoid so exp never overflows for large |z|.
        return z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
    }
}
