namespace OrleansHealth.Learning.Scoring;

/// <summary>
/// A row's probability split into a starting point and one additive share per model-input column, from
/// <see cref="CompiledForest.Explain"/> (tree-path, or Saabas, attribution).
/// </summary>
/// <param name="BaseValue">Mean over trees of each tree's root value: the expected probability over the cover rows.</param>
/// <param name="Contributions">Per model-input column (the forest's width), the mean over trees of the
/// value changes credited to it along the row's paths; positive pushes the probability up.</param>
/// <param name="Probability">The forest's probability for the row, equal to <see cref="CompiledForest.Probability"/>.
/// <c>BaseValue + Σ Contributions</c> equals it up to floating-point rounding.</param>
[GenerateSerializer, Immutable, Alias("oh.learning.Explanation")]
public sealed record Explanation(
    [property: Id(0)] double BaseValue,
    [property: Id(1)] double[] Contributions,
    [property: Id(2)] double Probability);
