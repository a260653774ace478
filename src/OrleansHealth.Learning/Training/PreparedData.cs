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
    /// <param name="keep">Columns kept whatever their rank (a model's treatment features: ranking treatments needs them).</param>
    public static PreparedData Fit(FeatureMatrix training, int? topK, IReadOnlyCollection<int>? keep = null)
    {
        var ranking = MutualInformation.Rank(training);
        var plan = Preprocessor.Fit(training, topK is { } k && keep is { Count: > 0 } ? k + keep.Count : topK, KeptFirst(ranking, keep));
        return new PreparedData(plan, ranking, Transform(plan, training, standardise: false), Transform(plan, training, standardise: true));
    }

    /// <summary>The ranking with the kept columns moved to the top, so top-k selection always includes them.</summary>
    private static IReadOnlyList<FeatureScore> KeptFirst(IReadOnlyList<FeatureScore> ranking, IReadOnlyCollection<int>? keep)
    {
        if (keep is not { Count: > 0 })
        {
            return ranking;
        }

        var ordered = ranking.Where(s => keep.Contains(s.Column)).Concat(ranking.Where(s => !keep.Contains(s.Column)));
        return [.. ordered.Select((s, i) => s with { Rank = i + 1 })];
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
