using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Evaluation;
using OrleansHealth.Learning.Forests;
using OrleansHealth.Learning.Preprocessing;

namespace OrleansHealth.Learning.Training;

/// <summary>
/// The held-out evaluation of a version: the merged forest and the logistic baseline scored on the
/// same held-out rows, their reports, the winner, and the forest's permutation importance.
/// </summary>
public sealed record VersionEvaluation(
    EvaluationReport Forest,
    EvaluationReport Baseline,
    string Winner,
    IReadOnlyList<(string Feature, double AurocDrop)> Importance,
    double[] ForestPredictions,
    double[] BaselinePredictions)
{
    public static VersionEvaluation Compute(Forest forest, LogisticBaseline baseline, PreprocessingPlan plan, FeatureMatrix holdoutRaw, double threshold, int seed)
    {
        var forestInput = PreparedData.Transform(plan, holdoutRaw, standardise: false);
        var baselineInput = PreparedData.Transform(plan, holdoutRaw, standardise: true);
        var forestP = Enumerable.Range(0, forestInput.Rows).Select(r => forest.Probability(forestInput.Row(r))).ToArray();
        var baselineP = Enumerable.Range(0, baselineInput.Rows).Select(r => baseline.Probability(baselineInput.Row(r))).ToArray();
        var forestReport = BinaryEvaluation.Evaluate(forestP, holdoutRaw.Labels, threshold);
        var baselineReport = BinaryEvaluation.Evaluate(baselineP, holdoutRaw.Labels, threshold);
        var drops = PermutationImportance.Compute(forestInput, row => forest.Probability(row), seed);
        var importance = plan.OutputNames.Zip(drops).OrderByDescending(p => p.Second).Select(p => (p.First, p.Second)).ToList();
        var winner = forestReport.Auroc >= baselineReport.Auroc ? "forest" : "baseline";
        return new VersionEvaluation(forestReport, baselineReport, winner, importance, forestP, baselineP);
    }
}
