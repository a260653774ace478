using System.Net;
using System.Text;
using System.Text.Json;

namespace OrleansHealth.Silo.Tests.Api;

/// <summary>
/// <c>GET /api/cluster</c>'s activity: records ingested and predictions answered on a silo reach its rates through
/// the silo's reports. A silo of its own, reporting every 200 ms, so the test waits a second rather than ten.
/// </summary>
public sealed class ClusterActivityApiTests : IAsyncLifetime
{
    private const string Source = "activity-pima";
    private const string Model = "activity-model";
    private InProcessSilo _silo = null!;

    public async Task InitializeAsync() =>
        _silo = await InProcessSilo.StartAsync(new Dictionary<string, string?> { ["Activity:Interval"] = "00:00:00.200" });

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task IngestedRecordsAndPredictions_ShowAsTheSilosCountsAndRates()
    {
        var http = _silo.Http;
        (await http.PutAsJsonAsync($"/api/sources/{Source}", new { name = "Pima", format = "csv" })).EnsureSuccessStatusCode();
        var csv = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.SharedData, "ml", "pima_diabetes.csv"));
        (await http.PostAsync($"/api/sources/{Source}/records?format=tabular", new StringContent(csv, Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        var definition = new
        {
            features = new[] { "Glucose", "BMI" }.Select(c => new { name = c, kind = "column", source = Source, code = c }).ToArray(),
            outcome = new { kind = "label", source = Source, code = "Outcome" },
        };
        (await http.PutAsJsonAsync($"/api/models/{Model}", definition)).EnsureSuccessStatusCode();
        using var train = await http.PostAsJsonAsync($"/api/models/{Model}/versions", new { trees = 5, shards = 1, seed = 3 });
        var location = train.Headers.Location!.ToString();
        await Eventually.ReturnsAsync(async () => JsonDocument.Parse(await http.GetStringAsync(location)).RootElement,
            v => v.GetProperty("state").GetString() == "Completed", TimeSpan.FromMinutes(1), "the version to complete");
        (await http.PostAsync($"{location}/promote", null)).EnsureSuccessStatusCode();
        await Eventually.ReturnsAsync(
            async () => (await http.PostAsync($"/api/models/{Model}/predict", new StringContent("{\"features\":[120,30]}\n{\"features\":[90,22]}\n", Encoding.UTF8, "application/x-ndjson"))).StatusCode,
            s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(20), "a batch to be scored");

        // Training took a while: records again (duplicates count, they were applied), so both rates are current.
        var again = string.Join('\n', csv.Split('\n').Take(11)) + "\n";
        (await http.PostAsync($"/api/sources/{Source}/records?format=tabular", new StringContent(again, Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();

        var activity = await Eventually.ReturnsAsync(
            async () => JsonDocument.Parse(await http.GetStringAsync("/api/cluster")).RootElement,
            c => c.GetProperty("activity").GetProperty("silos").EnumerateArray()
                .Any(s => s.GetProperty("records").GetInt64() >= 778 && s.GetProperty("predictions").GetInt64() >= 2 && s.GetProperty("predictionsPerSecond").GetDouble() > 0),
            TimeSpan.FromSeconds(20), "the silo's report of the batch");

        Assert.Equal(JsonValueKind.Null, activity.GetProperty("activityUnavailable").ValueKind);
        var view = activity.GetProperty("activity");
        var silo = Assert.Single(view.GetProperty("silos").EnumerateArray());
        Assert.Equal(activity.GetProperty("answeredBy").GetString(), silo.GetProperty("silo").GetString());
        Assert.Equal(activity.GetProperty("silos")[0].GetProperty("address").GetString(), silo.GetProperty("address").GetString());
        Assert.True(silo.GetProperty("recordsPerSecond").GetDouble() > 0, "records arrived within the last half minute");
        Assert.Equal(silo.GetProperty("predictionsPerSecond").GetDouble(), view.GetProperty("predictionsPerSecond").GetDouble());
        Assert.Equal(silo.GetProperty("recordsPerSecond").GetDouble(), view.GetProperty("recordsPerSecond").GetDouble());
        var series = silo.GetProperty("series").EnumerateArray().ToList();
        Assert.NotEmpty(series);
        Assert.Contains(series, point => point.GetProperty("predictionsPerSecond").GetDouble() > 0);
    }
}
