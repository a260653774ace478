using Microsoft.ML;
using Microsoft.ML.Trainers;
using OrleansHealth.Learning.Data;

namespace OrleansHealth.Learning.Forests;

/// <summary>
/// Fits <see cref="LogisticBaseline"/> with ML.NET's L-BFGS logistic regression and copies out the
/// weights, so the baseline is scored by the same plain code path as the forest.
/// </summary>
public static class LogisticBaselineTrainer
{
    /// <summary>
    /// Fits the baseline on <paramref name="standardizedTraining"/> (imputed and standardised). L2
    /// regularisation at ML.NET's default strength (1); L1 is turned off (ML.NET's default is also 1),
    /// because the baseline should be the familiar ridge-penalised model, not a sparse one. One thread,
    /// so the fit is reproducible.
    /// </summary>
    /// <param name="standardizedTraining">Training rows; both labels must occur and no value may be missing.</param>
    /// <param name="seed">Seed of the ML.NET context (L-BFGS itself is deterministic).</param>
    /// <exception cref="ArgumentException">No rows, one class only, or a missing value.</exception>
    public static LogisticBaseline Train(FeatureMatrix standardizedTraining, int seed) =>
        TrainWithModel(standardizedTraining, seed).Baseline;

    /// <summary><see cref="Train"/>, also returning ML.NET's transformer so tests can compare probabilities.</summary>
    internal static (LogisticBaseline Baseline, ITransformer Model) TrainWithModel(FeatureMatrix standardizedTraining, int seed)
    {
        TrainingDataChecks.Check(standardizedTraining, nameof(standardizedTraining));
        var ml = new MLContext(seed);
        var data = MatrixDataView.Create(ml, standardizedTraining);
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = MatrixDataView.Label,
            FeatureColumnName = MatrixDataView.Features,
            L1Regularization = 0,
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(data);
        var linear = model.Model.SubModel;
        return (new LogisticBaseline([.. linear.Weights.Select(w => (double)w)], linear.Bias), model);
    }
}
