using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansHealth.TestSupport.Load;
using Xunit.Abstractions;

namespace OrleansHealth.Silo.Tests.Cluster;

/// <summary>
/// Models on the multi-process PostgreSQL cluster of deploy/local/cluster.sh: a silo killed while it trains a shard,
/// and the whole cluster stopped and started again, with the demo population sent over HTTP.
/// </summary>
[Collection(SiloProcessCollection.Name)]
public sealed class ClusterModelRecoveryTests(ITestOutputHelper output)
{
    private const string Model = "diabetes-onset";

    [Fact]
    public async Task KillNine_OfASiloTrainingAShard_TheVersionStillCompletesWithEveryTree()
    {
        await using var cluster = await LocalCluster.UpAsync(3);
        using var http = TestAuth.Client(timeout: TimeSpan.FromSeconds(60));
        var population = new DemoPopulation(patients: 600, seed: 5);
        await population.IngestAsync(http, cluster.Silos);
        await population.DefineModelAsync(http, cluster.Silos[0], Model);

        // ML.NET's FastForest and large shards, so that each trains for seconds: with the silos saturating both cores,
        // a status the poll below reads may be a second or more old by the time the victim is killed, and the
        // victim's shards must still be unfinished then. (The built-in learner grows a shard of this population in
        // some 0.1 s; 100 FastForest trees take 1–2 s.)
        const int trees = 4_800;
        var version = await DemoPopulation.TrainAsync(http, cluster.Silos[0], Model, new { trees, shards = 6, seed = 3, learner = "FastForest" });

        // The victim holds a shard that is training and is not the version's own silo (that case is the version
        // resuming after it lost its activation, which this test may also meet: see below).
        var clock = Stopwatch.StartNew();
        var training = await Eventually.ReturnsAsync(
            async () => JsonDocument.Parse(await http.GetStringAsync(new Uri(cluster.Silos[0], version))).RootElement,
            status => Victim(status) is not null || status.GetProperty("state").GetString() is not ("Training" or "Evaluating"),
            TimeSpan.FromMinutes(2), "a shard training on a silo other than the version's");
        var victimAddress = Victim(training) ?? throw new InvalidOperationException($"training ended before a shard could be caught: {training}");
        var victim = cluster.IndexOf(victimAddress);
        cluster.Kill(victim);
        var killedAt = DateTimeOffset.UtcNow;
        output.WriteLine($"killed silo-{victim} ({victimAddress}) {clock.Elapsed.TotalSeconds:0.0} s into training; shards then: " +
            string.Join(", ", training.GetProperty("shards").EnumerateArray().Select(s => $"{s.GetProperty("index")} {s.GetProperty("state")} on {s.GetProperty("silo")}")));

        var done = await FinishedAsync(http, cluster.Silos[victim == 1 ? 1 : 0], version);
        output.WriteLine($"finished after {clock.Elapsed.TotalSeconds:0} s: {done}");

        Assert.Equal("Completed", done.GetProperty("state").GetString());
        Assert.Equal(trees, done.GetProperty("forestTrees").GetInt32());
        // Nothing finished on the victim after it died: its unfinished shards were grown again on the survivors, by
        // the version retrying them or, when the crash also cost the version its activation (its directory entry
        // lived on the victim), by the version resuming. A shard it finished before the kill keeps its stored trees.
        Assert.All(done.GetProperty("shards").EnumerateArray(), s => Assert.True(
            s.GetProperty("silo").GetString() != victimAddress || s.GetProperty("finishedAt").GetDateTimeOffset() <= killedAt,
            $"shard {s} finished on the killed silo after {killedAt:O}"));
    }

    [Fact]
    public async Task StopAndStart_OfTheWholeCluster_BringsEverythingBack_AndPredictionsAreIdentical()
    {
        await using var cluster = await LocalCluster.UpAsync(3);
        using var http = TestAuth.Client(timeout: TimeSpan.FromSeconds(60));
        var population = new DemoPopulation(patients: 300, seed: 8);
        await population.IngestAsync(http, cluster.Silos);
        var quarantined = await QuarantineABadLineAsync(http, cluster.Silos[1], population.Feeds[0].Source.Id);
        await population.DefineModelAsync(http, cluster.Silos[0], Model);
        var version = await DemoPopulation.TrainAsync(http, cluster.Silos[0], Model, new { trees = 40, shards = 3, seed = 3, maxDepth = 6 });
        Assert.Equal("Completed", (await FinishedAsync(http, cluster.Silos[0], version)).GetProperty("state").GetString());
        using (var promoted = await http.PostAsync(new Uri(cluster.Silos[2], $"{version}/promote"), null))
        {
            promoted.EnsureSuccessStatusCode();
        }

        var patients = await ResolveAsync(http, cluster.Silos[0], population.SomePatients(25));
        var before = await SnapshotAsync(http, cluster.Silos[0], population, patients);
        Assert.Contains(quarantined, before["quarantine " + population.Feeds[0].Source.Id], StringComparison.Ordinal);

        var clock = Stopwatch.StartNew();
        await cluster.StopAsync();
        var stopTook = clock.Elapsed;
        clock.Restart();
        await cluster.StartAsync();
        output.WriteLine($"stop took {stopTook.TotalSeconds:0} s, start {clock.Elapsed.TotalSeconds:0} s; comparing {before.Count} answers");

        // Read through another silo than before: nothing may depend on which silo held what.
        var after = await SnapshotAsync(http, cluster.Silos[1], population, patients);
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, answer => Assert.True(answer.Value == after[answer.Key], $"{answer.Key} differs:\n before {answer.Value}\n after  {after[answer.Key]}"));
    }

    private static async Task<JsonElement> FinishedAsync(HttpClient http, Uri silo, string version) =>
        await Eventually.ReturnsAsync(
            async () => JsonDocument.Parse(await http.GetStringAsync(new Uri(silo, version))).RootElement,
            status => status.GetProperty("state").GetString() is not ("Training" or "Evaluating"),
            TimeSpan.FromMinutes(4), $"{version} to finish");

    private static string WithoutSilo(string answer)
    {
        var (status, body) = (answer[..4], JsonNode.Parse(answer[4..])!.AsObject());
        body.Remove("silo");
        return status + body.ToJsonString();
    }

    /// <summary>The silo of a shard that is training on a silo other than the version's, if any.</summary>
    private static string? Victim(JsonElement status)
    {
        var versionSilo = status.TryGetProperty("silo", out var s) ? s.GetString() : null;
        return status.GetProperty("shards").EnumerateArray()
            .Where(shard => shard.GetProperty("state").GetString() == "Training")
            .Select(shard => shard.GetProperty("silo").GetString())
            .FirstOrDefault(silo => silo is not null && silo != versionSilo);
    }

    /// <summary>Sends one record the source cannot accept (a negative body weight); returns the record's id.</summary>
    private static async Task<string> QuarantineABadLineAsync(HttpClient http, Uri silo, string sourceId)
    {
        const string id = "bad-weight-1";
        var line = $$$"""{"resourceType":"Observation","id":"{{{id}}}","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},"subject":{"reference":"Patient/nobody"},"valueQuantity":{"value":-70,"unit":"kg","system":"http://unitsofmeasure.org","code":"kg"}}""";
        using var content = new StringContent(line + "\n", System.Text.Encoding.UTF8, "application/fhir+ndjson");
        using var sent = await http.PostAsync(new Uri(silo, $"/api/sources/{sourceId}/records"), content);
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>The enterprise patient ids of source-local ids.</summary>
    private static async Task<IReadOnlyList<string>> ResolveAsync(HttpClient http, Uri silo, IEnumerable<(string Source, string LocalId)> locals)
    {
        var ids = new List<string>();
        foreach (var (source, localId) in locals)
        {
            var link = await http.GetFromJsonAsync<JsonElement>(new Uri(silo, $"/api/patients?source={source}&localId={Uri.EscapeDataString(localId)}"));
            ids.Add(link.GetProperty("patientId").GetString()!);
        }

        return ids;
    }

    /// <summary>Every answer a restart must not change, by what was asked.</summary>
    private static async Task<Dictionary<string, string>> SnapshotAsync(HttpClient http, Uri silo, DemoPopulation population, IReadOnlyList<string> patients)
    {
        var answers = new Dictionary<string, string>();
        async Task GetAsync(string key, string path)
        {
            using var response = await http.GetAsync(new Uri(silo, path));
            answers[key] = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }

        await GetAsync("sources", "/api/sources");
        foreach (var source in population.Feeds.Select(f => f.Source.Id))
        {
            await GetAsync("source " + source, $"/api/sources/{source}");
            await GetAsync("quarantine " + source, $"/api/sources/{source}/quarantine");
            await GetAsync("review " + source, $"/api/sources/{source}/review");
        }

        await GetAsync("model", $"/api/models/{Model}");
        // A version's status says which silo runs it now: after a restart that is a new silo (same address, new generation).
        await GetAsync("version", $"/api/models/{Model}/versions/1");
        answers["version"] = WithoutSilo(answers["version"]);
        foreach (var patient in patients)
        {
            await GetAsync("profile " + patient, $"/api/patients/{patient}");
            await GetAsync("prediction " + patient, $"/api/patients/{patient}/predictions/{Model}");
            await GetAsync("explanation " + patient, $"/api/patients/{patient}/explanations/{Model}");
            await GetAsync("treatments " + patient, $"/api/patients/{patient}/treatments/{Model}");
        }

        var lines = string.Concat(patients.Select(p => JsonSerializer.Serialize(new { patientId = p }) + "\n"));
        using var batch = await http.PostAsync(new Uri(silo, $"/api/models/{Model}/predict"), new StringContent(lines, System.Text.Encoding.UTF8, "application/x-ndjson"));
        answers["batch"] = $"{(int)batch.StatusCode} {await batch.Content.ReadAsStringAsync()}";
        return answers;
    }
}
