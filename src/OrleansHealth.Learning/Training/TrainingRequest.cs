namespace OrleansHealth.Learning.Training;

/// <summary>
/// The body of <c>POST /api/models/{model}/versions</c>. Null fields take the defaults of
/// <c>ForestOptions</c>; every version stores the request it was trained with, so a version can be
/// reproduced with the same seed.
/// </summary>
/// <param name="TopK">Keep only the k features with the highest mutual information with the outcome; null keeps all.</param>
/// <param name="Threshold">Probability at or above which a patient is predicted positive in the reported metrics.</param>
/// <param name="Learner">Classic (Breiman, as scikit-learn; the default: on the benchmark it matched scikit-learn's AUROC at a
/// tenth of its time, where FastForest needed 1.7× scikit-learn's time to match it) or FastForest (ML.NET); <see cref="Leaves"/> applies to FastForest only, <see cref="MaxFeatures"/> and <see cref="MaxDepth"/> to Classic only.</param>
/// <param name="Folds">Also run k-fold stratified cross-validation (2–10) on the training rows, for small data sets.</param>
/// <param name="HoldoutValues">With a model's holdout column: the column values whose rows are held out (a fixed fold).</param>
[GenerateSerializer, Immutable, Alias("oh.learning.TrainingRequest")]
public sealed record TrainingRequest(
    [property: Id(0)] int Trees = 100,
    [property: Id(1)] int Shards = 2,
    [property: Id(2)] int? Leaves = null,
    [property: Id(3)] int? MinExamplesPerLeaf = null,
    [property: Id(4)] double? FeatureFraction = null,
    [property: Id(5)] double? BaggingFraction = null,
    [property: Id(6)] int? MaxBins = null,
    [property: Id(7)] int Seed = 1,
    [property: Id(8)] int? TopK = null,
    [property: Id(9)] double Threshold = 0.5,
    [property: Id(10)] IReadOnlyList<string>? HoldoutValues = null,
    [property: Id(11)] TreeLearner Learner = TreeLearner.Classic,
    [property: Id(12)] int? MaxFeatures = null,
    [property: Id(13)] int? MaxDepth = null,
    [property: Id(14)] int? Folds = null);
