using OrleansHealth.Learning.Forests;
using OrleansHealth.Learning.Forests.Histogram;
using OrleansHealth.Learning.Training;

namespace OrleansHealth.Learning.Tests.Training;

public sealed class TrainingRequestsTests
{
    private static string Lowered(string problem) => char.ToLowerInvariant(problem[0]) + problem[1..];

    [Fact]
    public void Validate_DefaultRequest_HasNoProblems() => Assert.Empty(TrainingRequests.Validate(new TrainingRequest()));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(64, 64)]
    [InlineData(500, 8)]
    public void Validate_UsableTreesAndShards_HasNoProblems(int trees, int shards) =>
        Assert.Empty(TrainingRequests.Validate(new TrainingRequest(Trees: trees, Shards: shards)));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(65)]
    public void Validate_ShardsOutside1To64_IsReported(int shards) =>
        Assert.Equal([$"shards: {shards} is outside 1–64."], TrainingRequests.Validate(new TrainingRequest(Trees: 100, Shards: shards)));

    [Fact]
    public void Validate_FewerTreesThanShards_IsReported() =>
        Assert.Equal(
            ["trees: 3 trees cannot be divided among 4 shards; ask for at least as many trees as shards."],
            TrainingRequests.Validate(new TrainingRequest(Trees: 3, Shards: 4)));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Validate_TopKBelowOne_IsReported(int topK) =>
        Assert.Equal([$"topK: {topK} must be at least 1, or left out to keep every feature."], TrainingRequests.Validate(new TrainingRequest(TopK: topK)));

    [Fact]
    public void Validate_TopKOne_IsAllowed() => Assert.Empty(TrainingRequests.Validate(new TrainingRequest(TopK: 1)));

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(1.5, "1.5")]
    [InlineData(double.NaN, "NaN")]
    public void Validate_ThresholdNotStrictlyBetweenZeroAndOne_IsReported(double threshold, string shown) =>
        Assert.Equal([$"threshold: {shown} must lie strictly between 0 and 1."], TrainingRequests.Validate(new TrainingRequest(Threshold: threshold)));

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.999)]
    public void Validate_ThresholdInsideTheBounds_IsAllowed(double threshold) =>
        Assert.Empty(TrainingRequests.Validate(new TrainingRequest(Threshold: threshold)));

    [Fact]
    public void Validate_LeavesOutOfRange_ReportsTheForestOptionsProblemInLowerCase()
    {
        var problems = TrainingRequests.Validate(new TrainingRequest(Leaves: 1, Learner: TreeLearner.FastForest));

        var expected = Lowered(Assert.Single(new ForestOptions(Leaves: 1).Validate()));
        Assert.Equal([expected], problems);
        Assert.StartsWith("leaves", problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralForestOptionProblems_AreAllReported()
    {
        var request = new TrainingRequest(Leaves: 1, MinExamplesPerLeaf: 0, FeatureFraction: 0, BaggingFraction: 1.5, MaxBins: 1, Learner: TreeLearner.FastForest);

        var expected = new ForestOptions(Leaves: 1, MinExamplesPerLeaf: 0, FeatureFraction: 0, BaggingFraction: 1.5, MaxBins: 1).Validate().Select(Lowered);
        Assert.Equal(expected, TrainingRequests.Validate(request));
        Assert.Equal(5, TrainingRequests.Validate(request).Count);
    }

    [Fact]
    public void Validate_ShardsAndThresholdAndTopKProblems_AreAllReported() =>
        Assert.Equal(
            [
                "shards: 0 is outside 1–64.",
                "topK: 0 must be at least 1, or left out to keep every feature.",
                "threshold: 1 must lie strictly between 0 and 1.",
            ],
            TrainingRequests.Validate(new TrainingRequest(Shards: 0, TopK: 0, Threshold: 1)));

    [Theory]
    [InlineData(1)]
    [InlineData(11)]
    [InlineData(-2)]
    public void Validate_FoldsOutside2To10_IsReported(int folds) =>
        Assert.Equal(
            [$"folds: {folds} is outside 2–10, or leave it out to skip cross-validation."],
            TrainingRequests.Validate(new TrainingRequest(Folds: folds)));

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    public void Validate_FoldsInside2To10_IsAllowed(int folds) =>
        Assert.Empty(TrainingRequests.Validate(new TrainingRequest(Folds: folds)));

    [Fact]
    public void Validate_UnknownLearner_IsReportedWithoutOptionProblems() =>
        Assert.Equal(["learner: use fastForest or classic."], TrainingRequests.Validate(new TrainingRequest(Leaves: 1, Learner: (TreeLearner)7)));

    [Fact]
    public void Validate_ClassicLearner_ChecksTheClassicSettingsAndRefusesLeaves()
    {
        var request = new TrainingRequest(Leaves: 1, MaxFeatures: 0, MaxDepth: 0, Learner: TreeLearner.Classic);

        var expected = new RandomForestSettings(MaxFeatures: 0, MaxDepth: 0).Validate().Select(Lowered);
        var problems = TrainingRequests.Validate(request);
        Assert.StartsWith("leaves: the classic learner", problems[0], StringComparison.Ordinal);
        Assert.Equal(expected, problems.Skip(1));
    }

    [Fact]
    public void Validate_FastForestWithClassicSettings_IsReported() =>
        Assert.Equal(["maxFeatures and maxDepth apply to the classic learner; FastForest takes leaves and featureFraction."],
            TrainingRequests.Validate(new TrainingRequest(MaxDepth: 5, Learner: TreeLearner.FastForest)));

    [Fact]
    public void OptionsFor_RequestWithoutSettings_TakesTheForestDefaultsWithItsTreesAndShardSeed()
    {
        var options = TrainingRequests.OptionsFor(new TrainingRequest(Learner: TreeLearner.FastForest), trees: 50, shard: 3);

        Assert.Equal(TreeLearner.FastForest, options.Learner);
        Assert.Null(options.Classic);
        Assert.Equal(50, options.Trees);
        Assert.Equal(new ForestOptions() with { Trees = 50, Seed = ShardPlan.SeedFor(1, 3) }, options.FastForest);
    }

    [Fact]
    public void OptionsFor_RequestWithSettings_CarriesThemOver()
    {
        var request = new TrainingRequest(Trees: 300, Shards: 3, Leaves: 64, MinExamplesPerLeaf: 10, FeatureFraction: 0.3, BaggingFraction: 0.8, MaxBins: 63, Seed: 9, Learner: TreeLearner.FastForest);

        var options = TrainingRequests.OptionsFor(request, trees: 100, shard: 2);

        Assert.Equal(new ForestOptions(100, 64, 10, 0.3, 0.8, 63, ShardPlan.SeedFor(9, 2)), options.FastForest);
    }

    [Fact]
    public void OptionsFor_ClassicRequestWithoutSettings_TakesTheClassicDefaultsWithItsTreesAndShardSeed()
    {
        var options = TrainingRequests.OptionsFor(new TrainingRequest(Learner: TreeLearner.Classic, Seed: 4), trees: 25, shard: 1);

        Assert.Equal(TreeLearner.Classic, options.Learner);
        Assert.Null(options.FastForest);
        Assert.Equal(25, options.Trees);
        Assert.Equal(new RandomForestSettings() with { Trees = 25, Seed = ShardPlan.SeedFor(4, 1) }, options.Classic);
    }

    [Fact]
    public void OptionsFor_ClassicRequestWithSettings_CarriesThemOver()
    {
        var request = new TrainingRequest(MinExamplesPerLeaf: 3, BaggingFraction: 0.5, MaxBins: 64, Seed: 2, Learner: TreeLearner.Classic, MaxFeatures: 4, MaxDepth: 12);

        var options = TrainingRequests.OptionsFor(request, trees: 10, shard: 0);

        Assert.Equal(new RandomForestSettings() with
        {
            Trees = 10, MaxFeatures = 4, MinSamplesLeaf = 3, MaxDepth = 12, SampleFraction = 0.5, MaxBins = 64, Seed = ShardPlan.SeedFor(2, 0),
        }, options.Classic);
    }

    [Fact]
    public void OptionsFor_EachShard_GetsItsOwnSeed()
    {
        var request = new TrainingRequest(Trees: 100, Shards: 4, Seed: 5, Learner: TreeLearner.FastForest);

        var seeds = Enumerable.Range(0, 4).Select(k => TrainingRequests.OptionsFor(request, ShardPlan.TreesFor(100, 4, k), k).FastForest!.Seed).ToArray();

        Assert.Equal(4, seeds.Distinct().Count());
    }
}
