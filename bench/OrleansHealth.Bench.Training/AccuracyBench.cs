using OrleansHealth.Bench.Common;
using System.Globalization;
using OrleansHealth.Learning.Training;
using OrleansHealth.TestSupport;

namespace OrleansHealth.Bench.Training;

/// <summary>
/// 5-fold stratified cross-validation on the real data sets, the same folds for scikit-learn and the
/// cluster: the peer assigns the folds and writes the rows with them; the cluster ingests that CSV
/// through the tabular path, holds out one fold per version (the model's holdout column), and its
/// per-fold held-out AUROC is compared with scikit-learn's on the same fold.
/// </summary>
internal static class AccuracyBench
{
    /// <summary>The issue's floors for the forest's mean AUROC (scikit-learn's RandomForest, 500 trees, on this machine).</summary>
    private static readonly (string Data, string Source, string Model, double Target)[] Sets =
    [
        ("breast_cancer", "bench-breast-cancer", "breast-cancer-cv", 0.992),
        ("pima_diabetes", "bench-pima", "pima-cv", 0.822),
    ];

    /// <summary>Pima's columns where zero means "not measured" (the data README).</summary>
    private static readonly HashSet<string> PimaZeroMeansMissing = ["Glucose", "BloodPressure", "SkinThickness", "Insulin", "BMI"];

    public static async Task<IReadOnlyList<AccuracyResult>> RunAsync(BenchOptions options, string work)
    {
        var trees = options.Trees ?? 500;
        var results = new List<AccuracyResult>();
        Console.WriteLine();
        Console.WriteLine($"## accuracy: 5-fold stratified CV (StratifiedKFold(5, shuffle=True, random_state=0)), {trees} trees, {options.Shards} shards, {options.Forest}");
        await using var silo = await EmbeddedSilo.StartAsync(options.SiloSettings());
        foreach (var (data, source, model, target) in Sets)
        {
            var csv = Path.Combine(work, $"{data}-folds.csv");
            Console.WriteLine($"{data}: scikit-learn cross-validation ({trees} trees)…");
            var peer = await SklearnPeer.RunAsync("sklearn_peer.py", "cv", "--data", data, "--data-dir", Path.Combine(RepositoryPaths.SharedData, "ml"), "--out", csv, "--trees", trees.ToString(CultureInfo.InvariantCulture));
            await silo.RegisterCsvSourceAsync(source, data);
            var ingest = await silo.IngestTabularAsync(source, csv, "id");
            Console.WriteLine($"{data}: ingested {ingest.Patients} rows ({ingest.Accepted} records accepted, {ingest.Rejected} rejected) in {Table.Seconds(ingest.Seconds)} s");
            if (ingest.Rejected > 0)
            {
                Console.WriteLine($"WARNING: {ingest.Rejected} records were rejected on ingest.");
            }

            await silo.DefineAsync(model, Definition(csv, source, pima: data == "pima_diabetes"));
            var sklearnForest = peer.GetProperty("rfAuroc").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var sklearnLogistic = peer.GetProperty("lrAuroc").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var foldSizes = peer.GetProperty("folds").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            foreach (var learner in options.Learners)
            {
                var folds = new List<FoldResult>();
                for (var k = 1; k <= 5; k++)
                {
                    var version = TrainedVersion.From(await silo.TrainAsync(model, options.Forest.Request(trees, options.Shards, learner, k.ToString(CultureInfo.InvariantCulture))));
                    if (!version.Completed)
                    {
                        Console.WriteLine($"ERROR: {data} fold {k} ({learner}) ended {version.State}: {version.Error}");
                    }
                    else if (version.HoldoutRows != foldSizes[k - 1])
                    {
                        Console.WriteLine($"WARNING: {data} fold {k}: the cluster held out {version.HoldoutRows} rows, scikit-learn {foldSizes[k - 1]}.");
                    }

                    folds.Add(new FoldResult(k, version.HoldoutRows, version.HoldoutPositives, version.ForestAuroc, version.BaselineAuroc,
                        sklearnForest[k - 1], sklearnLogistic[k - 1], version.ForestTrees, version.WallSeconds));
                }

                var result = new AccuracyResult(data, learner, trees, options.Shards, options.Forest, target, folds,
                    Mean(folds.Select(f => f.Forest)), Mean(folds.Select(f => f.Baseline)),
                    peer.GetProperty("rfMeanAuroc").GetDouble(), peer.GetProperty("lrMeanAuroc").GetDouble(),
                    peer.GetProperty("rfFitSeconds").GetDouble(), folds.Sum(f => f.WallSeconds));
                results.Add(result);
                Print(result);
            }
        }

        var summary = new Table("data", "learner", "forest AUROC (mean of 5 folds)", "scikit-learn RF", "Δ", "baseline (logistic)", "scikit-learn LR", "Δ", "target (forest)", "met");
        foreach (var r in results)
        {
            summary.Add(r.Data, r.Learner.ToString(), Table.Auroc(r.Forest), Table.Auroc(r.SklearnForest), Table.Signed(r.Forest - r.SklearnForest),
                Table.Auroc(r.Baseline), Table.Auroc(r.SklearnLogistic), Table.Signed(r.Baseline - r.SklearnLogistic),
                $"≥ {r.Target.ToString("F3", CultureInfo.InvariantCulture)}", r.Forest >= r.Target ? "yes" : "**no**");
        }

        summary.Print("### accuracy summary");
        return results;
    }

    private static object Definition(string csv, string source, bool pima)
    {
        var header = File.ReadLines(csv).First().Split(',');
        var features = header.Where(c => c is not ("id" or "fold" or "label")).Select(c => new
        {
            name = c,
            kind = "column",
            source,
            code = c,
            missingValues = pima && PimaZeroMeansMissing.Contains(c) ? new[] { 0.0 } : null,
        });
        return new
        {
            description = $"benchmark: every feature column of {Path.GetFileName(csv)}, folds from the fold column",
            features,
            outcome = new { kind = "label", source, code = "label" },
            holdoutColumn = new { name = "fold", kind = "column", source, code = "fold" },
        };
    }

    private static void Print(AccuracyResult r)
    {
        var table = new Table("fold", "held out (positives)", "forest", "scikit-learn RF", "Δ", "baseline (logistic)", "scikit-learn LR", "Δ", "trees", "version wall s");
        foreach (var f in r.Folds)
        {
            table.Add(f.Fold, $"{f.HeldOut} ({f.Positives})", Table.Auroc(f.Forest), Table.Auroc(f.SklearnForest), Table.Signed(f.Forest - f.SklearnForest),
                Table.Auroc(f.Baseline), Table.Auroc(f.SklearnLogistic), Table.Signed(f.Baseline - f.SklearnLogistic), f.Trees, Table.Seconds(f.WallSeconds));
        }

        table.Add("mean", "", Table.Auroc(r.Forest), Table.Auroc(r.SklearnForest), Table.Signed(r.Forest - r.SklearnForest),
            Table.Auroc(r.Baseline), Table.Auroc(r.SklearnLogistic), Table.Signed(r.Baseline - r.SklearnLogistic), "",
            $"{Table.Seconds(r.Seconds)} (scikit-learn RF fits: {Table.Seconds(r.SklearnForestSeconds)})");
        table.Print($"### {r.Data}, {r.Learner} ({r.Trees} trees, {r.Settings})");
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        var list = values.ToList();
        return list.All(v => v is not null) ? list.Average(v => v!.Value) : null;
    }
}

internal sealed record FoldResult(
    int Fold, int HeldOut, int Positives, double? Forest, double? Baseline, double SklearnForest, double SklearnLogistic, int Trees, double WallSeconds);

internal sealed record AccuracyResult(
    string Data,
    TreeLearner Learner,
    int Trees,
    int Shards,
    ForestSettings Settings,
    double Target,
    IReadOnlyList<FoldResult> Folds,
    double? Forest,
    double? Baseline,
    double SklearnForest,
    double SklearnLogistic,
    double SklearnForestSeconds,
    double Seconds);
