using OrleansHealth.Learning;
using OrleansHealth.Learning.Evaluation;
using OrleansHealth.Learning.Forests;
using OrleansHealth.Learning.Preprocessing;
using OrleansHealth.Learning.Training;

namespace OrleansHealth.Grains.Learning;

[GenerateSerializer, Alias("oh.ModelVersionState")]
public sealed class ModelVersionState
{
    [Id(0)] public VersionSpec? Spec { get; set; }

    [Id(1)] public VersionState State { get; set; }

    [Id(2)] public DateTimeOffset CreatedAt { get; set; }

    [Id(3)] public DateTimeOffset? FinishedAt { get; set; }

    [Id(4)] public List<ShardStatus> Shards { get; set; } = [];

    [Id(5)] public DatasetSummary? Data { get; set; }

    [Id(6)] public List<FeatureScore> Ranking { get; set; } = [];

    [Id(7)] public PreprocessingPlan? Plan { get; set; }

    [Id(8)] public Forest? Forest { get; set; }

    [Id(9)] public LogisticBaseline? Baseline { get; set; }

    [Id(10)] public EvaluationReport? ForestReport { get; set; }

    [Id(11)] public EvaluationReport? BaselineReport { get; set; }

    [Id(12)] public string? Winner { get; set; }

    [Id(13)] public List<FeatureImportance> Importance { get; set; } = [];

    [Id(14)] public VersionTimings? Timings { get; set; }

    [Id(15)] public HoldoutPredictions? Holdout { get; set; }

    [Id(16)] public string? Error { get; set; }

    [Id(17)] public CrossValidationReport? CrossValidation { get; set; }

    [Id(18)] public OrleansHealth.Learning.Scoring.ScoringModel? Scoring { get; set; }

    /// <summary>Written while an activation trains the version: how another activation tells a live run from an orphaned one.</summary>
    [Id(19)] public DateTimeOffset? HeartbeatAt { get; set; }
}
