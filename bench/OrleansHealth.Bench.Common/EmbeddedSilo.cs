using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrleansHealth.Silo.Hosting;
using OrleansHealth.TestSupport;

namespace OrleansHealth.Bench.Common;

/// <summary>
/// A real silo (Kestrel + Orleans, embedded mode, in this process) on free ports, and the HTTP calls
/// the benchmarks make to it: register a tabular source, POST a CSV through <c>?format=tabular</c>,
/// define a model, train a version, wait for it and promote it.
/// </summary>
public sealed class EmbeddedSilo : IAsyncDisposable
{
    private readonly WebApplication app;

    private EmbeddedSilo(WebApplication app, HttpClient http)
    {
        this.app = app;
        Http = http;
    }

    public HttpClient Http { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>The silo's own grain factory, for loading data straight into grains.</summary>
    public IGrainFactory Grains => app.Services.GetRequiredService<IGrainFactory>();

    public Uri BaseAddress => Http.BaseAddress!;

    /// <param name="settings">Settings on top of the benchmark defaults (free ports, no demo, quiet logs).</param>
    public static async Task<EmbeddedSilo> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var port = FreePort.Next();
        var values = new Dictionary<string, string?>
        {
            ["Http:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Cluster:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Demo:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Error",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var app = await SiloApplication.BuildAsync([], c => c.AddInMemoryCollection(TestAuth.Settings).AddInMemoryCollection(values));
        await app.StartAsync();
        var http = TestAuth.Client(new Uri($"http://127.0.0.1:{port}"), TimeSpan.FromHours(2));
        return new EmbeddedSilo(app, http);
    }

    public async Task RegisterCsvSourceAsync(string source, string name)
    {
        using var response = await Http.PutAsJsonAsync($"/api/sources/{source}", new { name, format = "csv", trustRank = 50 });
        await EnsureAsync(response, $"PUT /api/sources/{source}");
    }

    /// <summary>POSTs the file as a tabular CSV (one row per patient) and returns the ingest report and the time from first byte to answer.</summary>
    public async Task<IngestResult> IngestTabularAsync(string source, string path, string idColumn)
    {
        await using var file = File.OpenRead(path);
        using var content = new StreamContent(file, 1 << 16);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var clock = Stopwatch.StartNew();
        using var response = await Http.PostAsync($"/api/sources/{source}/records?format=tabular&id={idColumn}", content);
        var elapsed = clock.Elapsed.TotalSeconds;
        var body = await EnsureAsync(response, $"POST /api/sources/{source}/records");
        var report = JsonDocument.Parse(body).RootElement;
        return new IngestResult(
            report.GetProperty("accepted").GetInt32(),
            report.GetProperty("rejected").GetInt32(),
            report.GetProperty("duplicates").GetInt32(),
            report.GetProperty("skipped").GetInt32(),
            report.GetProperty("patients").GetInt32(),
            new FileInfo(path).Length,
            elapsed);
    }

    public async Task DefineAsync(string model, object definition)
    {
        using var response = await Http.PutAsJsonAsync($"/api/models/{model}", definition);
        await EnsureAsync(response, $"PUT /api/models/{model}");
    }

    /// <summary>
    /// POSTs a version and polls it until it ends. The wall time runs from the POST (which gathers the
    /// rows, preprocesses and starts the shards before it answers) to the first poll that sees the end.
    /// </summary>
    public async Task<TrainingRun> TrainAsync(string model, object request)
    {
        var clock = Stopwatch.StartNew();
        using var response = await Http.PostAsJsonAsync($"/api/models/{model}/versions", request);
        var accepted = clock.Elapsed.TotalSeconds;
        await EnsureAsync(response, $"POST /api/models/{model}/versions");
        var location = response.Headers.Location?.ToString() ?? throw new InvalidOperationException("The version was accepted without a Location.");
        while (true)
        {
            var status = JsonDocument.Parse(await Http.GetStringAsync(location)).RootElement.Clone();
            if (status.GetProperty("state").GetString() is "Completed" or "Failed" or "Cancelled")
            {
                return new TrainingRun(status, clock.Elapsed.TotalSeconds, accepted);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    public async Task PromoteAsync(string model, int version)
    {
        using var response = await Http.PostAsync($"/api/models/{model}/versions/{version}/promote", null);
        await EnsureAsync(response, $"POST /api/models/{model}/versions/{version}/promote");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static async Task<string> EnsureAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? body
            : throw new InvalidOperationException($"{what} answered {(int)response.StatusCode} {response.StatusCode}: {body}");
    }
}

public sealed record IngestResult(int Accepted, int Rejected, int Duplicates, int Skipped, int Patients, long Bytes, double Seconds);

/// <summary>A version's final status, the seconds from the POST to the poll that saw it end, and the seconds until the POST was answered.</summary>
public sealed record TrainingRun(JsonElement Status, double Seconds, double AcceptedSeconds);
