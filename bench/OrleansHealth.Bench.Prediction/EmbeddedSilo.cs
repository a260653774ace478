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

namespace OrleansHealth.Bench.Prediction;

/// <summary>
/// A real silo (Kestrel + Orleans, embedded mode, in this process) on free ports, with an HTTP client
/// for it and the calls the benchmark makes: register a source, POST a tabular CSV, define a model,
/// train a version, wait for it and promote it.
/// </summary>
internal sealed class EmbeddedSilo : IAsyncDisposable
{
    private readonly WebApplication app;

    private EmbeddedSilo(WebApplication app, HttpClient http)
    {
        this.app = app;
        Http = http;
    }

    public HttpClient Http { get; }

    public IServiceProvider Services => app.Services;

    public Uri BaseAddress => Http.BaseAddress!;

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

        var app = await SiloApplication.BuildAsync([], c => c.AddInMemoryCollection(values));
        await app.StartAsync();
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromHours(1) };
        return new EmbeddedSilo(app, http);
    }

    public async Task RegisterCsvSourceAsync(string source, string name)
    {
        using var response = await Http.PutAsJsonAsync($"/api/sources/{source}", new { name, format = "csv", trustRank = 50 });
        await EnsureAsync(response, $"PUT /api/sources/{source}");
    }

    /// <summary>POSTs the file as a tabular CSV (one row per patient); returns the rows the silo reports and the seconds from first byte to answer.</summary>
    public async Task<(int Patients, int Accepted, int Rejected, double Seconds)> IngestTabularAsync(string source, string path, string idColumn)
    {
        await using var file = File.OpenRead(path);
        using var content = new StreamContent(file, 1 << 16);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var clock = Stopwatch.StartNew();
        using var response = await Http.PostAsync($"/api/sources/{source}/records?format=tabular&id={idColumn}", content);
        var seconds = clock.Elapsed.TotalSeconds;
        var report = JsonDocument.Parse(await EnsureAsync(response, $"POST /api/sources/{source}/records")).RootElement;
        return (report.GetProperty("patients").GetInt32(), report.GetProperty("accepted").GetInt32(), report.GetProperty("rejected").GetInt32(), seconds);
    }

    public async Task DefineAsync(string model, object definition)
    {
        using var response = await Http.PutAsJsonAsync($"/api/models/{model}", definition);
        await EnsureAsync(response, $"PUT /api/models/{model}");
    }

    /// <summary>POSTs a version, polls it until it ends and returns its final status.</summary>
    public async Task<JsonElement> TrainAsync(string model, object request)
    {
        using var response = await Http.PostAsJsonAsync($"/api/models/{model}/versions", request);
        await EnsureAsync(response, $"POST /api/models/{model}/versions");
        var location = response.Headers.Location?.ToString() ?? throw new InvalidOperationException("The version was accepted without a Location.");
        while (true)
        {
            var status = JsonDocument.Parse(await Http.GetStringAsync(location)).RootElement.Clone();
            if (status.GetProperty("state").GetString() is "Completed" or "Failed" or "Cancelled")
            {
                return status;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
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

    public static async Task<string> EnsureAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? body
            : throw new InvalidOperationException($"{what} answered {(int)response.StatusCode} {response.StatusCode}: {body}");
    }
}
