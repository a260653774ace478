using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Evaluation;
using OrleansHealth.Learning.Forests;
using OrleansHealth.Learning.Preprocessing;
using OrleansHealth.Learning.Scoring;

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
        // Scored with the compiled batch kernel (node values are not needed here, so no cover rows).
        var compiled = CompiledForest.Compile(forest, new FeatureMatrix(forestInput.Names, [], [], []));
        double[] ScoreAll(FeatureMatrix m)
        {
            var p = new double[m.Rows];
            compiled.Probabilities(m, p);
            return p;
        }

        var forestP = ScoreAll(forestInput);
        var baselineP = Enumerable.Range(0, baselineInput.Rows).Select(r => baseline.Probability(baselineInput.Row(r))).ToArray();
        var forestReport = BinaryEvaluation.Evaluate(forestP, holdoutRaw.Labels, threshold);
        var baselineReport = BinaryEvaluation.Evaluate(baselineP, holdoutRaw.Labels, threshold);
        var drops = PermutationImportance.Compute(forestInput, ScoreAll, seed);
        var importance = plan.OutputNames.Zip(drops).OrderByDescending(p => p.Second).Select(p => (p.First, p.Second)).ToList();
        var winner = forestReport.Auroc >= baselineReport.Auroc ? "forest" : "baseline";
        return new VersionEvaluation(forestReport, baselineReport, winner, importance, forestP, baselineP);
    }
}
