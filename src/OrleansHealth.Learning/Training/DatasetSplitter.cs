using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Features;

namespace OrleansHealth.Learning.Training;

/// <summary>
/// Splits a model's cohort into training and held-out rows and checks that the data can train what
/// was asked: every feature's code found in the data, both outcome classes on both sides, enough
/// rows for the shards.
/// </summary>
public static class DatasetSplitter
{
    /// <summary>Fewest patients of each outcome class in the training rows.</summary>
    public const int MinPerClass = 5;

    /// <param name="cohort">Every cohort row of every partition.</param>
    /// <param name="holdoutValues">Per row, the value of the model's holdout column (null without one).</param>
    /// <param name="matchedPerFeature">Per feature, how many rows had any fact of its code.</param>
    public static DatasetSplit Split(
        FeatureMatrix cohort, IReadOnlyList<string?> holdoutValues, IReadOnlyList<int> matchedPerFeature,
        ModelDefinition definition, TrainingRequest request)
    {
        var problems = new List<string>();
        problems.AddRange(UnknownCodes(definition, matchedPerFeature, cohort.Rows));
        var heldOut = HeldOut(cohort, holdoutValues, definition, request, problems);
        var training = new List<int>();
        var holdout = new List<int>();
        for (var r = 0; r < cohort.Rows; r++)
        {
            (heldOut(r) ? holdout : training).Add(r);
        }

        var train = cohort.Select(training);
        var test = cohort.Select(holdout);
        if (problems.Count == 0)
        {
            problems.AddRange(SizeProblems(cohort, train, test, request));
        }

        return new DatasetSplit(train, test, problems);
    }

    private static Func<int, bool> HeldOut(
        FeatureMatrix cohort, IReadOnlyList<string?> values, ModelDefinition definition, TrainingRequest request, List<string> problems)
    {
        if (definition.HoldoutColumn is null)
        {
            if (request.HoldoutValues is { Count: > 0 })
            {
                problems.Add("holdoutValues: this model has no holdoutColumn; define one, or leave holdoutValues out to hold out by hash.");
            }

            return r => HoldoutSplit.IsHeldOut(cohort.RowIds[r], definition.HoldoutPercent);
        }

        if (request.HoldoutValues is not { Count: > 0 } wanted)
        {
            problems.Add($"holdoutValues: the model holds out by the column '{definition.HoldoutColumn.Code}'; name the values to hold out, e.g. [\"0\"].");
            return _ => false;
        }

        var set = new HashSet<string>(wanted, StringComparer.OrdinalIgnoreCase);
        return r => values[r] is { } v && set.Contains(v);
    }

    private static IEnumerable<string> UnknownCodes(ModelDefinition definition, IReadOnlyList<int> matched, int cohortRows)
    {
        if (cohortRows == 0)
        {
            yield break;
        }

        for (var i = 0; i < definition.Features.Count; i++)
        {
            var f = definition.Features[i];
            if (f.Code is not null && matched[i] == 0)
            {
                var system = CodeSystemNames.Resolve(f.System, f.Kind, f.Source);
                yield return $"features[{i}] '{f.Name}': no patient in the cohort has any {f.Kind.ToString().ToLowerInvariant()} with code {system}|{f.Code}{(f.Prefix ? "*" : "")}; check the code and system (or the source and column).";
            }
        }
    }

    private static IEnumerable<string> SizeProblems(FeatureMatrix cohort, FeatureMatrix train, FeatureMatrix test, TrainingRequest request)
    {
        if (cohort.Rows == 0)
        {
            yield return "The model's cohort is empty: no patient has the outcome's data (check the outcome code, source and index date, and that data was ingested).";
            yield break;
        }

        var positives = train.Labels.Count(l => l);
        var negatives = train.Rows - positives;
        if (positives == 0 || negatives == 0)
        {
            yield return $"The outcome has only one class in the training rows ({train.Rows} patients, all {(positives == 0 ? "negative" : "positive")}); a classifier needs both.";
        }
        else if (Math.Min(positives, negatives) < MinPerClass)
        {
            yield return $"The training rows have {positives} positive and {negatives} negative patients; at least {MinPerClass} of each are needed.";
        }

        var maxShards = train.Rows / ShardPlan.MinRowsPerShard;
        if (request.Shards > maxShards)
        {
            yield return maxShards == 0
                ? $"{train.Rows} training rows are fewer than the minimum of {ShardPlan.MinRowsPerShard} for one shard."
                : $"shards: {request.Shards} shards need at least {request.Shards * ShardPlan.MinRowsPerShard} training rows ({ShardPlan.MinRowsPerShard} each); there are {train.Rows}, which allows at most {maxShards}.";
        }

        var heldPositives = test.Labels.Count(l => l);
        if (test.Rows == 0 || heldPositives == 0 || heldPositives == test.Rows)
        {
            yield return $"The held-out rows ({test.Rows}) need both outcome classes for an honest evaluation; add data or raise holdoutPercent.";
        }
    }
}
