using OrleansHealth.Learning.Data;

namespace OrleansHealth.Learning.Forests;

/// <summary>
/// What both trainers require of a matrix before handing it to ML.NET, checked up front because ML.NET
/// would otherwise fail obscurely (one class) or silently (linear trainers skip rows with missing values, so a model
/// would be trained on fewer rows than the caller believes).
/// </summary>
internal static class TrainingDataChecks
{
    /// <summary>Throws <see cref="ArgumentException"/> with an actionable message when the matrix cannot be trained on.</summary>
    public static void Check(FeatureMatrix training, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(training, parameterName);
        if (training.Rows == 0 || training.Columns == 0)
        {
            throw new ArgumentException(
                $"The training data has {training.Rows} rows and {training.Columns} columns; a model needs at least one row with at least one feature.",
                parameterName);
        }

        var positives = training.Labels.Count(l => l);
        if (positives == 0 || positives == training.Rows)
        {
            throw new ArgumentException(
                $"All {training.Rows} training rows have the label {positives > 0}; a classifier needs both outcomes. "
                + "Check the outcome definition, or shard so that every shard holds both classes.",
                parameterName);
        }

        var values = training.Values;
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    $"Row {i / training.Columns}, column '{training.Names[i % training.Columns]}' is {values[i]}; "
                    + "impute missing values (NaN) and replace infinities before training.",
                    parameterName);
            }
        }
    }
}
