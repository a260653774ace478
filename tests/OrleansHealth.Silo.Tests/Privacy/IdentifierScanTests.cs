using System.Text;
using System.Text.Json;
using OrleansHealth.Silo.Security;
using OrleansHealth.Silo.Tests.Cluster;

namespace OrleansHealth.Silo.Tests.Privacy;

/// <summary>
/// A full run of a silo on a generated population (three sources, a bad record, the demo model trained and
/// promoted, every kind of read and export) with traces, logs and metrics exported over OTLP: none of what an
/// analyst can export, nor anything the silo sent to the telemetry backend, holds an identifier of the population.
/// </summary>
public sealed class IdentifierScanTests
{
    private const string Model = "scan-onset";

    [Fact]
    public async Task AFullRun_ExportsAndTelemetry_HoldNoIdentifierOfThePopulation()
    {
        await using var telemetry = await OtlpReceiver.StartAsync();
        var population = new DemoPopulation(patients: 150, seed: 23);
        var identifiers = PopulationIdentifiers.Of(population.Simulator);
        var exports = new List<(string Name, string Body)>();
        int[] ports;

        await using (var silo = await InProcessSilo.StartAsync(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = telemetry.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // Every span and log record, none dropped by a full export queue.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
            ["OTEL_BSP_MAX_QUEUE_SIZE"] = "1000000",
            ["OTEL_BSP_MAX_EXPORT_BATCH_SIZE"] = "4096",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "500",
            ["OTEL_BLRP_MAX_QUEUE_SIZE"] = "1000000",
            ["OTEL_BLRP_MAX_EXPORT_BATCH_SIZE"] = "4096",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:OrleansHealth"] = "Debug",
            // More than production logs (appsettings.json), as an operator chasing a problem would set it.
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Debug",
            ["Logging:LogLevel:Orleans"] = "Debug",
        }))
        {
            var http = silo.Http;
            var analyst = TestAuth.Client(http.BaseAddress, token: TestAuth.Token([Roles.Analyst]));
            ports = [http.BaseAddress!.Port, int.Parse(silo.App.Configuration["Cluster:SiloPort"]!), int.Parse(silo.App.Configuration["Cluster:GatewayPort"]!), telemetry.Endpoint.Port];

            await population.IngestAsync(http, [http.BaseAddress!]);
            var (source, localId) = population.SomePatients(1).Single();
            var bad = $$$"""{"resourceType":"Observation","id":"scan-bad","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},"subject":{"reference":"Patient/{{{localId}}}"},"valueQuantity":{"value":-70,"unit":"kg","system":"http://unitsofmeasure.org","code":"kg"}}""";
            (await http.PostAsync($"/api/sources/{source}/records", new StringContent(bad + "\n", Encoding.UTF8, "application/fhir+ndjson"))).EnsureSuccessStatusCode();

            await population.DefineModelAsync(http, http.BaseAddress!, Model);
            var version = await DemoPopulation.TrainAsync(http, http.BaseAddress!, Model, new { trees = 20, shards = 2, seed = 1 });
            await Eventually.ReturnsAsync(async () => JsonDocument.Parse(await http.GetStringAsync(version)).RootElement,
                v => v.GetProperty("state").GetString() == "Completed", TimeSpan.FromMinutes(2), "the version to complete");
            (await http.PostAsync($"{version}/promote", null)).EnsureSuccessStatusCode();

            // Every kind of read: clinicians' views of patients, admins' quarantine and audit, analysts' exports.
            var patients = new List<string>();
            foreach (var (s, l) in population.SomePatients(10))
            {
                var patient = JsonDocument.Parse(await http.GetStringAsync($"/api/patients?source={s}&localId={l}")).RootElement.GetProperty("patientId").GetString()!;
                patients.Add(patient);
                foreach (var path in new[] { "", $"/predictions/{Model}", $"/explanations/{Model}", $"/treatments/{Model}" })
                {
                    (await http.GetAsync($"/api/patients/{patient}{path}")).EnsureSuccessStatusCode();
                }
            }

            var batch = string.Concat(patients.Select(p => $$"""{"patientId":"{{p}}"}""" + "\n"));
            (await http.PostAsync($"/api/models/{Model}/predict", new StringContent(batch, Encoding.UTF8, "application/x-ndjson"))).EnsureSuccessStatusCode();
            (await http.GetAsync($"/api/sources/{source}/quarantine")).EnsureSuccessStatusCode();
            (await http.GetAsync($"/api/sources/{source}/review")).EnsureSuccessStatusCode();
            (await http.GetAsync("/api/audit?limit=1000")).EnsureSuccessStatusCode();
            foreach (var path in new[] { $"/api/models/{Model}/dataset", $"/api/models/{Model}/dataset?format=ndjson", $"/api/models/{Model}", version, $"{version}/holdout" })
            {
                exports.Add((path, await analyst.GetStringAsync(path)));
            }

            // Exporters send on a timer; the silo's shutdown (leaving this block) flushes what is left.
        }

        var scan = new IdentifierScan();
        foreach (var (name, body) in exports)
        {
            scan.Add($"export {name}", [body]);
        }

        foreach (var signal in new[] { "traces", "logs", "metrics" })
        {
            Assert.True(telemetry.Messages(signal) > 0, $"the silo exported no {signal}");
            scan.Add(signal, telemetry.Texts(signal));
        }

        // The scan looks at what matters: the exports hold the cohort, the traces the requests, the logs the run.
        Assert.True(exports[0].Body.Split('\n').Length > 50, "the dataset export is nearly empty");
        Assert.Contains(telemetry.Texts("traces"), t => t.Contains("/api/patients/{patientId}", StringComparison.Ordinal));
        Assert.Contains(telemetry.Texts("logs"), t => t.Contains("Now listening on", StringComparison.Ordinal));

        // A ZIP code equal to one of the run's port numbers is a number the run itself chose.
        var checkedIdentifiers = identifiers.Where(i => i.Kind != "ZIP code" || !ports.Contains(int.Parse(i.Value[..5]))).ToList();
        var hits = scan.Find(checkedIdentifiers);
        Assert.True(hits.Count == 0, $"{hits.Count} identifiers found:\n{string.Join("\n", hits.Take(40))}");

        // And the scan does find identifiers where they are: the feeds themselves.
        var feeds = new IdentifierScan();
        feeds.Add("feeds", population.Feeds.SelectMany(f => f.Documents).Select(d => Encoding.UTF8.GetString(d.Content)));
        // (Not all: some true values are sent by no source, e.g. a phone every source has in another format.)
        Assert.True(feeds.Find(checkedIdentifiers).Count > checkedIdentifiers.Count * 8 / 10, "the scan misses identifiers in the feeds");
    }
}
