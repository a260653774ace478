using OrleansHealth.Learning.Forests;
using OrleansHealth.Learning.Forests.Histogram;

namespace OrleansHealth.Learning.Training;

/// <summary>Turns a training request into each shard's forest options, and says what is wrong with a request.</summary>
public static class TrainingRequests
{
    public const int MaxShards = 64;

    /// <summary>The problems that stop a request before any data is read; empty when it is usable.</summary>
    public static IReadOnlyList<string> Validate(TrainingRequest request)
    {
        var problems = new List<string>();
        if (request.Shards is < 1 or > MaxShards)
        {
            problems.Add($"shards: {request.Shards} is outside 1–{MaxShards}.");
        }
        else if (request.Trees < request.Shards)
        {
            problems.Add($"trees: {request.Trees} trees cannot be divided among {request.Shards} shards; ask for at least as many trees as shards.");
        }

        if (request.TopK is < 1)
        {
            problems.Add($"topK: {request.TopK} must be at least 1, or left out to keep every feature.");
        }

        if (!(request.Threshold > 0 && request.Threshold < 1))
        {
            problems.Add($"threshold: {request.Threshold} must lie strictly between 0 and 1.");
        }

        if (request.Folds is < 2 or > 10)
        {
            problems.Add($"folds: {request.Folds} is outside 2–10, or leave it out to skip cross-validation.");
        }

        if (!Enum.IsDefined(request.Learner))
        {
            problems.Add("learner: use fastForest or classic.");
            return problems;
        }

        problems.AddRange(SettingsOfTheOtherLearner(request));

        // The forest options bound one shard's trees; the first shard has the most.
        var shards = Math.Clamp(request.Shards, 1, Math.Max(1, request.Trees));
        problems.AddRange(OptionsFor(request, Math.Max(1, ShardPlan.TreesFor(request.Trees, shards, 0)), 0).Validate().Select(p => Lower(p)));
        return problems;
    }

    /// <summary>The options of one shard: the request's settings (defaults where it says nothing), its trees and seed.</summary>
    public static ShardTraining OptionsFor(TrainingRequest request, int trees, int shard) =>
        request.Learner == TreeLearner.Classic
            ? new ShardTraining(TreeLearner.Classic, null, ClassicFor(request, trees, shard))
            : new ShardTraining(TreeLearner.FastForest, FastForestFor(request, trees, shard), null);

    private static RandomForestSettings ClassicFor(TrainingRequest request, int trees, int shard)
    {
        var defaults = new RandomForestSettings();
        return new RandomForestSettings(
            trees,
            request.MaxFeatures,
            request.MinExamplesPerLeaf ?? defaults.MinSamplesLeaf,
            defaults.MinSamplesSplit,
            request.MaxDepth,
            request.BaggingFraction ?? defaults.SampleFraction,
            request.MaxBins ?? defaults.MaxBins,
            ShardPlan.SeedFor(request.Seed, shard));
    }

    private static ForestOptions FastForestFor(TrainingRequest request, int trees, int shard)
    {
        var defaults = new ForestOptions();
        return new ForestOptions(
            trees,
            request.Leaves ?? defaults.Leaves,
            request.MinExamplesPerLeaf ?? defaults.MinExamplesPerLeaf,
            request.FeatureFraction ?? defaults.FeatureFraction,
            request.BaggingFraction ?? defaults.BaggingFraction,
            request.MaxBins ?? defaults.MaxBins,
            ShardPlan.SeedFor(request.Seed, shard));
    }

    /// <summary>A setting the chosen learner does not have is refused rather than silently ignored.</summary>
    private static IEnumerable<string> SettingsOfTheOtherLearner(TrainingRequest request)
    {
        if (request.Learner == TreeLearner.Classic)
        {
            if (request.Leaves is not null)
            {
                yield return "leaves: the classic learner grows trees until their leaves are pure; limit them with maxDepth or minExamplesPerLeaf, or choose \"learner\": \"FastForest\".";
            }

            if (request.FeatureFraction is not null)
            {
                yield return "featureFraction: the classic learner samples maxFeatures features at every split; set maxFeatures, or choose \"learner\": \"FastForest\".";
            }
        }
        else
        {
            if (request.MaxFeatures is not null || request.MaxDepth is not null)
            {
                yield return "maxFeatures and maxDepth apply to the classic learner; FastForest takes leaves and featureFraction.";
            }
        }
    }

    private static string Lower(string problem) => problem.Length == 0 ? problem : char.ToLowerInvariant(problem[0]) + problem[1..];
}
