using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Npgsql;
using OrleansHealth.Silo.Hosting;
using OrleansHealth.TestSupport;

namespace OrleansHealth.Bench.Ingest;

/// <summary>
/// A real silo (Kestrel + Orleans, in this process) and the body POSTed to it over HTTP: resources per
/// second from the first byte sent to the answer, which arrives only after every profile is persisted.
/// </summary>
internal static class HttpIngestRate
{
    public static async Task<(double PerSecond, int Accepted, int Rejected)> MeasureAsync(NdjsonCorpus corpus, IDictionary<string, string?> settings)
    {
        var port = FreePort.Next();
        var values = new Dictionary<string, string?>(settings)
        {
            ["Http:Port"] = port.ToString(),
            ["Cluster:SiloPort"] = FreePort.Next().ToString(),
            ["Cluster:GatewayPort"] = FreePort.Next().ToString(),
            ["Demo:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        await using var app = await SiloApplication.BuildAsync([], c => c.AddInMemoryCollection(TestAuth.Settings).AddInMemoryCollection(values));
        await app.StartAsync();
        using var http = TestAuth.Client(new Uri($"http://127.0.0.1:{port}"), TimeSpan.FromMinutes(30));
        (await http.PutAsJsonAsync("/api/sources/bench", new { name = "Bench", format = "fhir-ndjson" })).EnsureSuccessStatusCode();

        var content = new ByteArrayContent(corpus.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+ndjson");
        var stopwatch = Stopwatch.StartNew();
        using var response = await http.PostAsync("/api/sources/bench/records", content);
        var elapsed = stopwatch.Elapsed;
        response.EnsureSuccessStatusCode();
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var accepted = report.GetProperty("accepted").GetInt32();
        var handled = accepted + report.GetProperty("duplicates").GetInt32() + report.GetProperty("skipped").GetInt32();
        await app.StopAsync();
        // A stopped silo's idle pooled connections would otherwise count against the next run's server limit.
        NpgsqlConnection.ClearAllPools();
        return (handled / elapsed.TotalSeconds, accepted, report.GetProperty("rejected").GetInt32());
    }
}
