using OrleansHealth.Bench.Common;
using System.Globalization;
using OrleansHealth.Learning.Training;

namespace OrleansHealth.Bench.Training;

/// <summary>
/// Training speed and held-out AUROC against scikit-learn's <c>RandomForestClassifier(n_estimators=100,
/// n_jobs=-1)</c> on <c>make_classification(120000, 30, …)</c> with the same 80/20 split. The peer
/// writes the rows with their split; the cluster ingests them through the tabular path (timed, but not
/// the compared figure) and trains one version holding out the <c>test</c> rows. scikit-learn's fit is
/// timed once before the cluster trains and once after, since the machine is shared.
/// </summary>
internal static class SpeedBench
{
    private const string Source = "bench-speed";
    private const string Model = "speed-rf";

    public static async Task<SpeedResult> RunAsync(BenchOptions options, string work)
    {
        var trees = options.Trees ?? 100;
        var rows = options.Rows.ToString(CultureInfo.InvariantCulture);
        var treeText = trees.ToString(CultureInfo.InvariantCulture);
        Console.WriteLine();
        Console.WriteLine($"## speed: make_classification({options.Rows}, 30 features), 80/20 stratified split, {trees} trees, {options.Shards} shards");
        var csv = Path.Combine(work, "speed.csv");
        Console.WriteLine("scikit-learn: generating the set and timing RandomForestClassifier.fit…");
        var before = await SklearnPeer.RunAsync("sklearn_peer.py", "speed", "--out", csv, "--rows", rows, "--trees", treeText);
        Console.WriteLine($"scikit-learn: fit {Table.Seconds(before.GetProperty("fitSeconds").GetDouble())} s, test AUROC {Table.Auroc(before.GetProperty("auroc").GetDouble())}");

        var versions = new List<SpeedVersion>();
        IngestResult ingest;
        await using (var silo = await EmbeddedSilo.StartAsync(options.SiloSettings()))
        {
            await silo.RegisterCsvSourceAsync(Source, "make_classification");
            if (options.SpeedLoad == "direct")
            {
                Console.WriteLine($"cluster: writing {new FileInfo(csv).Length / 1e6:F1} MB of rows straight into the feature partitions (--speed-load direct)…");
                ingest = await DirectLoad.LoadCsvAsync(silo.Grains, Source, csv, "id");
                Console.WriteLine($"cluster: wrote {ingest.Patients:N0} timelines in {Table.Seconds(ingest.Seconds)} s");
            }
            else
            {
                Console.WriteLine($"cluster: ingesting {new FileInfo(csv).Length / 1e6:F1} MB of tabular CSV…");
                ingest = await silo.IngestTabularAsync(Source, csv, "id");
                Console.WriteLine($"cluster: ingested {ingest.Patients:N0} rows ({ingest.Accepted:N0} records, {ingest.Rejected} rejected) in {Table.Seconds(ingest.Seconds)} s");
            }
            await silo.DefineAsync(Model, new
            {
                description = "benchmark: make_classification, 30 features, split column",
                features = Enumerable.Range(0, 30).Select(j => new { name = $"x{j}", kind = "column", source = Source, code = $"x{j}" }),
                outcome = new { kind = "label", source = Source, code = "label" },
                holdoutColumn = new { name = "split", kind = "column", source = Source, code = "split" },
            });
            foreach (var learner in options.Learners)
            {
                Console.WriteLine($"cluster: training {trees} trees ({learner}) on {options.Shards} shards…");
                var version = TrainedVersion.From(await silo.TrainAsync(Model, new { trees, shards = options.Shards, seed = 1, learner = learner.ToString(), holdoutValues = new[] { "test" } }));
                if (!version.Completed)
                {
                    Console.WriteLine($"ERROR: the {learner} version ended {version.State}: {version.Error}");
                }

                Console.WriteLine($"cluster: {learner} wall {Table.Seconds(version.WallSeconds)} s, test AUROC {Table.Auroc(version.ForestAuroc)} " +
                                  $"({version.TrainingRows:N0} training rows, {version.HoldoutRows:N0} held out)");
                versions.Add(new SpeedVersion(learner, version));
            }
        }

        Console.WriteLine("scikit-learn: timing the fit again…");
        var after = await SklearnPeer.RunAsync("sklearn_peer.py", "speed", "--rows", rows, "--trees", treeText);
        var result = new SpeedResult(options.Rows, trees, options.Shards, options.SpeedLoad, ingest,
            before.GetProperty("auroc").GetDouble(), before.GetProperty("fitSeconds").GetDouble(), after.GetProperty("fitSeconds").GetDouble(), versions);
        Print(result);
        return result;
    }

    private static void Print(SpeedResult r)
    {
        Console.WriteLine();
        var how = r.Load == "direct" ? "direct load into the feature partitions, no ingest" : "tabular ingest over HTTP";
        Console.WriteLine($"{how} (not compared): {r.Ingest.Patients:N0} rows, {r.Ingest.Bytes / 1e6:F1} MB, {Table.Seconds(r.Ingest.Seconds)} s " +
                          $"({(r.Ingest.Patients / r.Ingest.Seconds).ToString("N0", CultureInfo.InvariantCulture)} rows/s, " +
                          $"{(r.Ingest.Accepted / r.Ingest.Seconds).ToString("N0", CultureInfo.InvariantCulture)} records/s)");
        Console.WriteLine($"scikit-learn fit: {Table.Seconds(r.SklearnFitBefore)} s before the cluster trained, {Table.Seconds(r.SklearnFitAfter)} s after; " +
                          $"ratios below are against their mean, {Table.Seconds(r.SklearnFit)} s");
        var table = new Table("learner", "test AUROC", "scikit-learn", "Δ (target ≥ −0.003)", "training wall − evaluate, s", "÷ scikit-learn fit (target ≤ 0.5)",
            "tree building (timings.train), s", "÷ scikit-learn fit", "gather", "preprocess", "merge", "evaluate", "wall");
        foreach (var v in r.Versions)
        {
            var t = v.Version;
            table.Add(v.Learner.ToString(), Table.Auroc(t.ForestAuroc), Table.Auroc(r.SklearnAuroc), Table.Signed(t.ForestAuroc - r.SklearnAuroc),
                Table.Seconds(t.WallWithoutEvaluate), Table.Ratio(t.WallWithoutEvaluate / r.SklearnFit),
                Table.Seconds(t.Train), Table.Ratio(t.Train / r.SklearnFit),
                Table.Seconds(t.Gather), Table.Seconds(t.Preprocess), Table.Seconds(t.Merge), Table.Seconds(t.Evaluate), Table.Seconds(t.WallSeconds));
        }

        table.Print($"### speed, {r.Rows:N0} × 30, {r.Trees} trees");
    }
}

internal sealed record SpeedVersion(TreeLearner Learner, TrainedVersion Version);

internal sealed record SpeedResult(
    int Rows, int Trees, int Shards, string Load, IngestResult Ingest, double SklearnAuroc, double SklearnFitBefore, double SklearnFitAfter, IReadOnlyList<SpeedVersion> Versions)
{
    public double SklearnFit => (SklearnFitBefore + SklearnFitAfter) / 2;
}
