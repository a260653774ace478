using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Preprocessing;

namespace OrleansHealth.Learning.Training;

/// <summary>
/// A version's training rows after preprocessing: the fitted plan, the mutual-information ranking it
/// selected from, and the rows as the forest (imputed) and the baseline (imputed and standardised) see them.
/// </summary>
public sealed record PreparedData(PreprocessingPlan Plan, IReadOnlyList<FeatureScore> Ranking, FeatureMatrix ForestInput, FeatureMatrix BaselineInput)
{
    /// <summary>Fits the plan on <paramref name="training"/> and applies it.</summary>
    public static PreparedData Fit(FeatureMatrix training, int? topK)
    {
        var ranking = MutualInformation.Rank(training);
        var plan = Preprocessor.Fit(training, topK, ranking);
        return new PreparedData(plan, ranking, Transform(plan, training, standardise: false), Transform(plan, training, standardise: true));
    }

    /// <summary>Applies a fitted plan to every row of a raw matrix.</summary>
    public static FeatureMatrix Transform(PreprocessingPlan plan, FeatureMatrix raw, bool standardise)
    {
        var width = plan.OutputWidth;
        var values = new float[raw.Rows * width];
        for (var r = 0; r < raw.Rows; r++)
        {
            plan.Apply(raw.Row(r), standardise).CopyTo(values.AsSpan(r * width, width));
        }

        return new FeatureMatrix([.. plan.OutputNames], values, raw.Labels, raw.RowIds);
    }
}
