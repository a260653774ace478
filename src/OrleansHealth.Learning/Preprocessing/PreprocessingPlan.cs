namespace OrleansHealth.Learning.Preprocessing;

/// <summary>
/// Everything a trained model version needs to turn a raw feature row into the model's input:
/// which raw columns it uses, how it fills their gaps, and (for the linear baseline) how it scales
/// them. Stored with the version so scoring repeats training's preprocessing exactly.
/// </summary>
/// <param name="SelectedColumns">Indexes into the raw row, ascending.</param>
/// <param name="Imputation">Fitted on the selected columns.</param>
/// <param name="Standardization">Fitted on the imputed selected columns; only the linear baseline uses it, so it may be absent.</param>
/// <param name="InputWidth">Width of the raw row the plan expects, so a row from a different feature set is refused instead of misread.</param>
[GenerateSerializer, Immutable, Alias("oh.learning.PreprocessingPlan")]
public sealed record PreprocessingPlan(
    [property: Id(0)] IReadOnlyList<int> SelectedColumns,
    [property: Id(1)] ImputationPlan Imputation,
    [property: Id(2)] Standardization? Standardization,
    [property: Id(3)] int InputWidth)
{
    /// <summary>Names of the model's inputs: the selected features, then their "was missing" indicators.</summary>
    public IReadOnlyList<string> OutputNames => Imputation.OutputNames;

    /// <summary>Width of the model's input row.</summary>
    public int OutputWidth => Imputation.OutputWidth;

    /// <summary>Selects, imputes and, when <paramref name="standardise"/> is set, standardises one raw row.</summary>
    /// <exception cref="ArgumentException"><paramref name="raw"/> is not <see cref="InputWidth"/> long.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="standardise"/> is set but the plan has no standardisation.</exception>
    public float[] Apply(ReadOnlySpan<float> raw, bool standardise)
    {
        if (raw.Length != InputWidth)
        {
            throw new ArgumentException($"expected {InputWidth} values, got {raw.Length}", nameof(raw));
        }

        if (standardise && Standardization is null)
        {
            throw new InvalidOperationException("This preprocessing plan has no standardisation; it was fitted for a model that does not use one.");
        }

        var count = SelectedColumns.Count;
        Span<float> selected = count <= 256 ? stackalloc float[count] : new float[count];
        for (var i = 0; i < count; i++)
        {
            selected[i] = raw[SelectedColumns[i]];
        }

        var output = new float[Imputation.OutputWidth];
        Imputation.Transform(selected, output);
        if (standardise)
        {
            Standardization!.Transform(output, output);
        }

        return output;
    }
}
