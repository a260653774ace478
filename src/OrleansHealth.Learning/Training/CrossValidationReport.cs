namespace OrleansHealth.Learning.Training;

/// <summary>Per-fold held-out AUROC of the forest and the baseline in k-fold stratified cross-validation, with means and standard deviations.</summary>
[GenerateSerializer, Immutable, Alias("oh.learning.CrossValidationReport")]
public sealed record CrossValidationReport(
    [property: Id(0)] int Folds,
    [property: Id(1)] IReadOnlyList<double> ForestAuroc,
    [property: Id(2)] IReadOnlyList<double> BaselineAuroc,
    [property: Id(3)] double ForestMean,
    [property: Id(4)] double ForestStandardDeviation,
    [property: Id(5)] double BaselineMean,
    [property: Id(6)] double BaselineStandardDeviation);
