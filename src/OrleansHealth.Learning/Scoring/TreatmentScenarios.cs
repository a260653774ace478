namespace OrleansHealth.Learning.Scoring;

/// <summary>
/// "What would the model say if this patient got treatment A instead of B?": scores one model-input row
/// once per candidate assignment, with the candidate's columns overridden, and reports how much the
/// trees disagree about each answer. A pure function of its arguments.
/// </summary>
/// <remarks>
/// The forest learned associations, not effects: a difference between candidates is what the model
/// predicts for rows like this one with that assignment, which is only a treatment effect when
/// assignment was as good as random given the other inputs. Check <see cref="SupportRange"/> too: far
/// from the rows that received a treatment, the trees extrapolate from their outermost leaves.
/// </remarks>
public static class TreatmentScenarios
{
    /// <summary>Lower and upper percentile of the trees' probabilities reported as <see cref="ScenarioScore.Low"/> and <see cref="ScenarioScore.High"/>.</summary>
    public const double LowQuantile = 0.10;

    /// <inheritdoc cref="LowQuantile"/>
    public const double HighQuantile = 0.90;

    /// <summary>
    /// One <see cref="ScenarioScore"/> per candidate, in order: the probability of <paramref name="row"/>
    /// with the candidate's overrides applied (<see cref="CompiledForest.Probability"/>), the population
    /// standard deviation of the trees' probabilities, and their 10th and 90th percentiles.
    /// </summary>
    /// <param name="forest">The compiled model.</param>
    /// <param name="row">The patient's model-input row (preprocessed, <see cref="CompiledForest.Width"/> wide); not changed.</param>
    /// <param name="candidates">The assignments to compare.</param>
    /// <exception cref="ArgumentException">The row has the wrong width, or a candidate has no name, an override
    /// column outside the row, the same column twice or a NaN value.</exception>
    public static IReadOnlyList<ScenarioScore> Score(CompiledForest forest, ReadOnlySpan<float> row, IReadOnlyList<TreatmentCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(forest);
        ArgumentNullException.ThrowIfNull(candidates);
        if (row.Length != forest.Width)
        {
            throw new ArgumentException($"The forest reads rows of {forest.Width} features, not {row.Length}.", nameof(row));
        }

        foreach (var candidate in candidates)
        {
            if (candidate is null || string.IsNullOrEmpty(candidate.Name))
            {
                throw new ArgumentException("Every candidate needs a name.", nameof(candidates));
            }

            CheckOverrides(candidate.Overrides, forest.Width, $"candidate '{candidate.Name}'", nameof(candidates));
        }

        var scratch = new float[row.Length];
        var results = new ScenarioScore[candidates.Count];
        for (var c = 0; c < results.Length; c++)
        {
            var candidate = candidates[c];
            row.CopyTo(scratch);
            foreach (var (column, value) in candidate.Overrides)
            {
                scratch[column] = value;
            }

            var probability = forest.Probability(scratch);
            var trees = forest.TreeProbabilities(scratch);
            var squares = 0.0;
            foreach (var p in trees)
            {
                squares += (p - probability) * (p - probability);
            }

            Array.Sort(trees);
            results[c] = new ScenarioScore(
                candidate.Name,
                probability,
                Math.Sqrt(squares / trees.Length),
                Quantiles.Linear(trees, LowQuantile),
                Quantiles.Linear(trees, HighQuantile));
        }

        return results;
    }

    /// <summary>Throws unless every override names a distinct column of a row <paramref name="width"/> wide and a non-NaN value.</summary>
    internal static void CheckOverrides(IReadOnlyList<(int Column, float Value)> overrides, int width, string owner, string parameter)
    {
        if (overrides is null)
        {
            throw new ArgumentException($"The overrides of {owner} are missing; use an empty list for none.", parameter);
        }

        var seen = new HashSet<int>();
        foreach (var (column, value) in overrides)
        {
            if (column < 0 || column >= width)
            {
                throw new ArgumentException($"{owner} sets column {column}, outside the row's {width} columns.", parameter);
            }

            if (!seen.Add(column))
            {
                throw new ArgumentException($"{owner} sets column {column} twice.", parameter);
            }

            if (float.IsNaN(value))
            {
                throw new ArgumentException($"{owner} sets column {column} to NaN; model inputs are imputed, so give a value.", parameter);
            }
        }
    }
}
