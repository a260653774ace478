using OrleansHealth.Bench.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Evaluation;
using OrleansHealth.Learning.Scoring;
using OrleansHealth.Learning.Training;

namespace OrleansHealth.Bench.Prediction;

/// <summary>
/// Batch scoring rate against scikit-learn's <c>predict_proba</c> on the same rows in the same run: the
/// peer generates <c>make_classification(120000, 30, …)</c>, splits it 80/20, trains
/// <c>RandomForestClassifier(100, n_jobs=-1)</c> and times it on the 24,000 test rows and on them
/// repeated to ≥ 200,000 rows. Our side: a 100-tree Classic forest trained on the same training rows,
/// (a) <see cref="CompiledForest.Probabilities"/> on one core and on all cores, (b) the whole HTTP path
/// of an embedded silo (rows ingested as tabular CSV, model defined, trained and promoted over HTTP,
/// then the rows POSTed as NDJSON to <c>/api/models/{model}/predict</c>), (c) reading the NDJSON body
/// alone as the endpoint does, without scoring.
/// </summary>
internal static class BatchBench
{
    private const string Source = "bench-predict";
    private const string Model = "predict-rf";

    public static async Task<BatchResult> RunAsync(BenchOptions options, string work)
    {
        Console.WriteLine();
        Console.WriteLine("## batch: make_classification(120000, 30 features), 80/20 split, 100 trees");
        var csv = Path.Combine(work, "predict.csv");
        Console.WriteLine("scikit-learn: generating the set, fitting RandomForestClassifier(n_estimators=100, n_jobs=-1) and timing predict_proba…");
        var peer = await SklearnPeer.RunAsync("sklearn_predict.py", "--out", csv, "--repeats", options.Repeats.ToString(CultureInfo.InvariantCulture));
        var sklearnTest = peer.GetProperty("testRowsPerSecond").GetDouble();
        var sklearnRepeated = peer.GetProperty("repeatedRowsPerSecond").GetDouble();
        Console.WriteLine($"scikit-learn: fit {peer.GetProperty("fitSeconds").GetDouble():F1} s, {peer.GetProperty("leaves").GetInt64():N0} leaves, test AUROC {peer.GetProperty("auroc").GetDouble():F4}; " +
                          $"predict_proba {Table.Rate(sklearnTest)} rows/s (24,000 rows), {Table.Rate(sklearnRepeated)} rows/s ({peer.GetProperty("repeatedRows").GetInt32():N0} rows)");

        var data = SplitCsv.Read(csv);
        var copies = peer.GetProperty("repeatedRows").GetInt32() / data.Test.Rows;
        var repeated = SplitCsv.Repeat(data.Test, copies);
        var clock = Stopwatch.StartNew();
        var shard = TrainingRequests.OptionsFor(new TrainingRequest(Trees: 100, Shards: 1, Seed: 1, Learner: TreeLearner.Classic), 100, 0);
        var forest = (shard with { Classic = shard.Classic! with { Threads = Environment.ProcessorCount } }).Train(data.Training);
        var compiled = CompiledForest.Compile(forest, data.Training);
        Console.WriteLine($"ours: trained and compiled 100 trees on {data.Training.Rows:N0} rows in {clock.Elapsed.TotalSeconds:F1} s ({compiled.LeafCount:N0} leaves)");

        var probabilities = new double[data.Test.Rows];
        compiled.Probabilities(data.Test, probabilities);
        var auroc = Auroc.Compute(probabilities, data.Test.Labels);
        var single = Rate(data.Test.Rows, options.Repeats, () => compiled.Probabilities(data.Test, probabilities));
        var singleRepeated = Rate(repeated.Rows, options.Repeats, Scorer(compiled, [repeated]));
        var parallel = Rate(data.Test.Rows, options.Repeats, Scorer(compiled, SplitCsv.Partition(data.Test, Environment.ProcessorCount)));
        var parallelRepeated = Rate(repeated.Rows, options.Repeats, Scorer(compiled, SplitCsv.Partition(repeated, Environment.ProcessorCount)));
        Console.WriteLine($"ours: test AUROC {auroc:F4}; CompiledForest.Probabilities {Table.Rate(single)} rows/s on one core, {Table.Rate(parallel)} rows/s on {Environment.ProcessorCount}");

        // For comparison with the block kernel: the compiled forest one row at a time (the online GET path) and the
        // uncompiled forest as training leaves it (what scoring cost before compilation).
        var rowByRow = Rate(data.Test.Rows, options.Repeats, () => RowByRow(data.Test, r => compiled.Probability(r)));
        var uncompiled = Rate(data.Test.Rows, options.Repeats, () => RowByRow(data.Test, r => forest.Votes(r).Probability));
        Console.WriteLine($"ours, row by row on one core: CompiledForest.Probability {Table.Rate(rowByRow)} rows/s, uncompiled Forest.Votes {Table.Rate(uncompiled)} rows/s");

        // The repeated rows go as `copies` bodies of the test rows, as many at once as there are cores: one body of
        // 216,000 rows (72 MB) is more than Kestrel's default request limit (30 MB), which the batch endpoint keeps.
        var body = NdjsonRows.Body(data.TestText, 1);
        var width = data.Test.Columns;
        var parse = await RateAsync(data.Test.Rows, options.Repeats, async () => Check(await NdjsonRows.ParseAsync(body, width), data.Test.Rows));
        var parseRepeated = await RateAsync(repeated.Rows, options.Repeats,
            () => Concurrently(copies, async () => Check(await NdjsonRows.ParseAsync(body, width), data.Test.Rows)));
        var lean = Rate(data.Test.Rows, options.Repeats, () => Check(NdjsonRows.ParseLean(body, width), data.Test.Rows));
        Console.WriteLine($"NDJSON input alone: {body.Length / 1e6:F1} MB for 24,000 rows, read at {Table.Rate(parse)} rows/s " +
                          $"({Table.Rate(parseRepeated)} rows/s for {copies} bodies, {Environment.ProcessorCount} at a time)");

        var http = await HttpAsync(options, csv, body, copies, data.Test);
        var result = new BatchResult(
            data.Training.Rows, data.Test.Rows, repeated.Rows, peer.GetProperty("leaves").GetInt64(), compiled.LeafCount,
            peer.GetProperty("auroc").GetDouble(), auroc, peer.GetProperty("fitSeconds").GetDouble(),
            sklearnTest, sklearnRepeated, single, singleRepeated, parallel, parallelRepeated, rowByRow, uncompiled, parse, parseRepeated, lean, http);
        Print(result);
        return result;
    }

    private static async Task<HttpResult> HttpAsync(BenchOptions options, string csv, byte[] body, int copies, FeatureMatrix test)
    {
        await using var silo = await EmbeddedSilo.StartAsync();
        await silo.RegisterCsvSourceAsync(Source, "make_classification");
        var clock = Stopwatch.StartNew();
        if (options.Load == "direct")
        {
            Console.WriteLine("cluster: writing the rows straight into the feature partitions (--load direct)…");
            var rows = await DirectLoad.LoadCsvAsync(silo.Grains, Source, csv, "id");
            Console.WriteLine($"cluster: wrote {rows.Patients:N0} timelines in {clock.Elapsed.TotalSeconds:F1} s");
        }
        else
        {
            Console.WriteLine($"cluster: ingesting {new FileInfo(csv).Length / 1e6:F1} MB of tabular CSV over HTTP…");
            var ingest = await silo.IngestTabularAsync(Source, csv, "id");
            Console.WriteLine($"cluster: ingested {ingest.Patients:N0} rows ({ingest.Accepted:N0} records, {ingest.Rejected} rejected) in {ingest.Seconds:F1} s");
        }

        await silo.DefineAsync(Model, new
        {
            description = "benchmark: make_classification, 30 features, split column",
            features = Enumerable.Range(0, test.Columns).Select(j => new { name = $"x{j}", kind = "column", source = Source, code = $"x{j}" }),
            outcome = new { kind = "label", source = Source, code = "label" },
            holdoutColumn = new { name = "split", kind = "column", source = Source, code = "split" },
        });
        clock.Restart();
        var shards = options.Shards;
        Console.WriteLine($"cluster: training 100 trees (Classic) on {shards} shards, holding out the test rows…");
        var status = (await silo.TrainAsync(Model, new { trees = 100, shards, seed = 1, learner = "Classic", holdoutValues = new[] { "test" } })).Status;
        var version = status.GetProperty("version").GetInt32();
        if (status.GetProperty("state").GetString() != "Completed")
        {
            throw new InvalidOperationException($"The version ended {status.GetProperty("state").GetString()}: {status}");
        }

        var versionAuroc = status.GetProperty("forest").GetProperty("auroc").GetDouble();
        Console.WriteLine($"cluster: version {version} trained in {clock.Elapsed.TotalSeconds:F1} s, held-out AUROC {versionAuroc:F4}; promoting");
        await silo.PromoteAsync(Model, version);

        using var client = TestAuth.Client(silo.BaseAddress, TimeSpan.FromMinutes(30));
        var first = await PostAsync(client, body);
        var httpAuroc = Auroc.Compute(first.Probabilities, test.Labels);
        var rate = await RateAsync(test.Rows, options.Repeats, async () => Check((await PostAsync(client, body)).Probabilities.Count, test.Rows));
        var rateRepeated = await RateAsync(copies * test.Rows, options.Repeats,
            () => Concurrently(copies, async () => Check((await PostAsync(client, body)).Probabilities.Count, test.Rows)));
        Console.WriteLine($"HTTP: {Table.Rate(rate)} rows/s (one request of 24,000 rows), {Table.Rate(rateRepeated)} rows/s ({copies} requests of 24,000 rows, " +
                          $"{Environment.ProcessorCount} at a time); AUROC of the answers {httpAuroc:F4}");
        return new HttpResult(shards, versionAuroc, httpAuroc, rate, rateRepeated);
    }

    /// <summary>POSTs the body and reads the whole answer; throws on any error line.</summary>
    private static async Task<(List<double> Probabilities, int Lines)> PostAsync(HttpClient client, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/models/{Model}/predict") { Content = content };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /api/models/{Model}/predict answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var probabilities = new List<double>();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            if (!json.RootElement.TryGetProperty("probability", out var p))
            {
                throw new InvalidOperationException($"The batch answer has an error line: {line}");
            }

            probabilities.Add(p.GetDouble());
        }

        return (probabilities, probabilities.Count);
    }

    private static void RowByRow(FeatureMatrix rows, Func<ReadOnlySpan<float>, double> score)
    {
        var sum = 0.0;
        for (var r = 0; r < rows.Rows; r++)
        {
            sum += score(rows.Row(r));
        }

        if (double.IsNaN(sum))
        {
            throw new InvalidOperationException("NaN probability.");
        }
    }

    private static Action Scorer(CompiledForest forest, FeatureMatrix[] parts)
    {
        var outputs = parts.Select(p => new double[p.Rows]).ToArray();
        return parts.Length == 1
            ? () => forest.Probabilities(parts[0], outputs[0])
            : () => Parallel.For(0, parts.Length, new ParallelOptions { MaxDegreeOfParallelism = parts.Length }, p => forest.Probabilities(parts[p], outputs[p]));
    }

    /// <summary>Runs <paramref name="work"/> <paramref name="times"/> times, as many at once as there are cores.</summary>
    private static Task Concurrently(int times, Func<Task> work)
    {
        var next = 0;
        return Task.WhenAll(Enumerable.Range(0, Math.Min(times, Environment.ProcessorCount)).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) <= times)
            {
                await work();
            }
        })));
    }

    private static void Check(int got, int expected)
    {
        if (got != expected)
        {
            throw new InvalidOperationException($"{got} rows instead of {expected}.");
        }
    }

    /// <summary>One untimed run, then <paramref name="repeats"/> timed ones: rows per second of the median.</summary>
    private static double Rate(int rows, int repeats, Action run) =>
        RateAsync(rows, repeats, () => { run(); return Task.CompletedTask; }).GetAwaiter().GetResult();

    private static async Task<double> RateAsync(int rows, int repeats, Func<Task> run)
    {
        await run();
        var seconds = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            await run();
            seconds.Add(clock.Elapsed.TotalSeconds);
        }

        seconds.Sort();
        return rows / seconds[seconds.Count / 2];
    }

    private static void Print(BatchResult r)
    {
        var table = new Table("path", "rows/s, 24,000 test rows", "× scikit-learn", $"rows/s, {r.RepeatedRows:N0} rows (HTTP and reading: {r.RepeatedRows / r.TestRows} bodies of 24,000, {Environment.ProcessorCount} at a time)", "× scikit-learn", "target");
        Row("scikit-learn `predict_proba`, n_jobs=-1", r.SklearnTest, r.SklearnRepeated, "—");
        Row("`CompiledForest.Probabilities`, 1 core", r.SingleTest, r.SingleRepeated, "≥ 5×");
        Row($"`CompiledForest.Probabilities`, {Environment.ProcessorCount} cores (Parallel over blocks)", r.ParallelTest, r.ParallelRepeated, "≥ 5×");
        Row($"HTTP `POST /api/models/{{model}}/predict`, NDJSON, embedded silo, {r.Http.Shards} shards", r.Http.Test, r.Http.Repeated, "≥ 5×");
        Row("reading the NDJSON body alone (no scoring) with a `JsonDocument` per line (the endpoint's former reader)", r.ParseTest, r.ParseRepeated, "—");
        table.Add("reading it with a `Utf8JsonReader` over each line in place (as the endpoint reads now), 1 core", Table.Rate(r.LeanTest), Table.Ratio(r.LeanTest / r.SklearnTest), "", "", "—");
        table.Add("`CompiledForest.Probability` row by row, 1 core (the online path: one patient at a time)", Table.Rate(r.RowByRow), Table.Ratio(r.RowByRow / r.SklearnTest), "", "", "—");
        table.Add("uncompiled `Forest.Votes` row by row, 1 core (the trees as training returns them)", Table.Rate(r.Uncompiled), Table.Ratio(r.Uncompiled / r.SklearnTest), "", "", "—");
        table.Print("### batch scoring, 100 trees, 30 features");
        Console.WriteLine();
        Console.WriteLine($"HTTP end-to-end as a share of reading the input alone (Utf8JsonReader, 1 core): {r.Http.Test / r.LeanTest:P0} (one body of 24,000 rows); " +
                          $"as a share of the JsonDocument reader: {r.Http.Test / r.ParseTest:P0} (one body), {r.Http.Repeated / r.ParseRepeated:P0} ({r.RepeatedRows / r.TestRows} bodies)");
        Console.WriteLine($"forests: scikit-learn {r.SklearnLeaves:N0} leaves, AUROC {r.SklearnAuroc:F4}; ours {r.OurLeaves:N0} leaves, AUROC {r.OurAuroc:F4}; " +
                          $"the cluster's version {r.Http.VersionAuroc:F4} (held out), its HTTP answers {r.Http.AnswerAuroc:F4}");

        void Row(string what, double test, double rep, string target) =>
            table.Add(what, Table.Rate(test), Table.Ratio(test / r.SklearnTest), Table.Rate(rep), Table.Ratio(rep / r.SklearnRepeated), target);
    }
}

internal sealed record HttpResult(int Shards, double VersionAuroc, double AnswerAuroc, double Test, double Repeated);

internal sealed record BatchResult(
    int TrainingRows,
    int TestRows,
    int RepeatedRows,
    long SklearnLeaves,
    int OurLeaves,
    double SklearnAuroc,
    double OurAuroc,
    double SklearnFitSeconds,
    double SklearnTest,
    double SklearnRepeated,
    double SingleTest,
    double SingleRepeated,
    double ParallelTest,
    double ParallelRepeated,
    double RowByRow,
    double Uncompiled,
    double ParseTest,
    double ParseRepeated,
    double LeanTest,
    HttpResult Http);
