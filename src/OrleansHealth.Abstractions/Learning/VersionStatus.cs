using OrleansHealth.Learning.Training;
using OrleansHealth.Learning.Evaluation;
using OrleansHealth.Learning.Features;
using OrleansHealth.Learning.Preprocessing;

namespace OrleansHealth.Learning;

/// <summary>
/// Everything a model version reports: what it was trained from (definition, request), where its shards
/// ran, and its held-out evaluation beside the logistic-regression baseline.
/// </summary>
/// <param name="Silo">The silo the version itself (the orchestration, merge and evaluation) runs on.</param>
/// <param name="Winner"><c>forest</c> or <c>baseline</c>: the higher held-out AUROC.</param>
[GenerateSerializer, Immutable, Alias("oh.VersionStatus")]
public sealed record VersionStatus(
    [property: Id(0)] string Model,
    [property: Id(1)] int Version,
    [property: Id(2)] VersionState State,
    [property: Id(3)] ModelDefinition Definition,
    [property: Id(4)] TrainingRequest Request,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset? FinishedAt,
    [property: Id(7)] IReadOnlyList<ShardStatus> Shards,
    [property: Id(8)] DatasetSummary? Data,
    [property: Id(9)] IReadOnlyList<FeatureScore> Ranking,
    [property: Id(10)] IReadOnlyList<string> SelectedFeatures,
    [property: Id(11)] EvaluationReport? Forest,
    [property: Id(12)] EvaluationReport? Baseline,
    [property: Id(13)] string? Winner,
    [property: Id(14)] IReadOnlyList<FeatureImportance> Importance,
    [property: Id(15)] VersionTimings? Timings,
    [property: Id(16)] int ForestTrees,
    [property: Id(17)] string? Error,
    [property: Id(18)] string? Silo = null,
    [property: Id(19)] CrossValidationReport? CrossValidation = null);
