namespace OrleansHealth.Learning.Features;

/// <summary>
/// What a model predicts from what, as data (<c>PUT /api/models/{model}</c>). Every trained version
/// keeps a copy, so editing the definition never changes what an existing version means.
/// </summary>
/// <param name="IndexDate">The reference date: features read history up to it, a condition outcome the window after it. Null: each patient's latest dated fact.</param>
/// <param name="HoldoutPercent">Share of patients, chosen by a stable hash of their pseudonymous id, kept out of training for evaluation.</param>
/// <param name="HoldoutColumn">Optional: a tabular column whose value decides the held-out rows instead of the hash (fixed cross-validation folds); the training request names the held-out values.</param>
/// <param name="Treatment">Optional: the treatment features and candidates to rank per patient.</param>
[GenerateSerializer, Immutable, Alias("oh.learning.ModelDefinition")]
public sealed record ModelDefinition(
    [property: Id(0)] IReadOnlyList<FeatureSpec> Features,
    [property: Id(1)] OutcomeSpec Outcome,
    [property: Id(2)] DateOnly? IndexDate = null,
    [property: Id(3)] int HoldoutPercent = 20,
    [property: Id(4)] string? Description = null,
    [property: Id(5)] FeatureSpec? HoldoutColumn = null,
    [property: Id(6)] TreatmentSpec? Treatment = null);
