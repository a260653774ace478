using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Evaluation;
using OrleansHealth.Learning.Forests;

namespace OrleansHealth.Learning.Training;

/// <summary>
/// k-fold stratified cross-validation on a version's training rows, for data sets too small for one
/// held-out split to be a stable estimate. Each fold repeats the whole preparation (ranking, top-k,
/// imputation) on its own training part, so nothing of the fold's test part leaks into the model.
/// Runs on one silo: it is for small data.
/// </summary>
public static class CrossValidation
{
    /// <summary>Above this many training rows one held-out split is stable enough, and k full trainings are not worth it.</summary>
    public const int MaxRows = 20_000;

    public static CrossValidationReport Run(FeatureMatrix training, TrainingRequest request, CancellationToken cancellationToken = default)
    {
        var k = request.Folds ?? throw new ArgumentException("The request asks for no cross-validation.", nameof(request));
        var folds = StratifiedFolds.Assign(training.Labels, k, request.Seed);
        var forest = new double[k];
        var baseline = new double[k];
        for (var fold = 0; fold < k; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var inFold = Enumerable.Range(0, training.Rows).Where(r => folds[r] == fold).ToList();
            var outOfFold = Enumerable.Range(0, training.Rows).Where(r => folds[r] != fold).ToList();
            var test = training.Select(inFold);
            var prepared = PreparedData.Fit(training.Select(outOfFold), request.TopK);
            var trees = TrainingRequests.OptionsFor(request, request.Trees, fold).Train(prepared.ForestInput, null, cancellationToken);
            var linear = LogisticBaselineTrainer.Train(prepared.BaselineInput, request.Seed);
            forest[fold] = Score(PreparedData.Transform(prepared.Plan, test, standardise: false), trees.Probability);
            baseline[fold] = Score(PreparedData.Transform(prepared.Plan, test, standardise: true), linear.Probability);
        }

        return new CrossValidationReport(k, forest, baseline, forest.Average(), Deviation(forest), baseline.Average(), Deviation(baseline));
    }

    /// <summary>Why this request's cross-validation cannot run on these rows, or null.</summary>
    public static string? Problem(TrainingRequest request, FeatureMatrix training)
    {
        if (request.Folds is not { } k)
        {
            return null;
        }

        if (training.Rows > MaxRows)
        {
            return $"folds: cross-validation is for small data (up to {MaxRows} training rows); these {training.Rows} rows get a stable estimate from the held-out split alone.";
        }

        var smaller = Math.Min(training.Labels.Count(l => l), training.Labels.Count(l => !l));
        return smaller < k ? $"folds: {k} folds need at least {k} patients of each outcome class; the smaller class has {smaller}." : null;
    }

    private delegate double Scorer(ReadOnlySpan<float> row);

    private static double Score(FeatureMatrix test, Scorer score) =>
        Auroc.Compute([.. Enumerable.Range(0, test.Rows).Select(r => score(test.Row(r)))], test.Labels);

    private static double Deviation(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, values.Length - 1));
    }
}
