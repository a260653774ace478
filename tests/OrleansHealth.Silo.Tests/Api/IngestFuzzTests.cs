using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OrleansHealth.TestSupport.Fuzz;
using Xunit.Abstractions;

namespace OrleansHealth.Silo.Tests.Api;

/// <summary>
/// Mutants of the real files in ../shared/data sent to <c>POST /api/sources/{id}/records</c> of a running silo, in
/// every format. Every answer is a 2xx or a 4xx problem (never a 5xx); every record a 2xx answer counts as rejected
/// is in the source's quarantine with a reason; and the silo is still live and ready afterwards. Bounded in time.
/// </summary>
[Collection(EmbeddedSiloCollection.Name)]
public sealed class IngestFuzzTests(EmbeddedSiloFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    public static TheoryData<string, string, string, string> Formats => new()
    {
        // source format, Content-Type, query, seed files (relative to ../shared/data)
        { "fhir-ndjson", "application/fhir+ndjson", "", "fhir-ndjson/*.ndjson" },
        { "fhir-json", "application/fhir+json", "", "fhir-bundles/*Information*.json" },
        { "csv", "text/csv", "?format=synthea-patients", "synthea-csv/patients.csv" },
        { "csv", "text/csv", "?format=synthea-observations", "synthea-csv/observations.csv" },
        { "csv", "text/csv", "?format=tabular", "ml/pima_diabetes.csv" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Mutants_Get2xxOr4x_AreQuarantinedWhenRejected_AndTheSiloStaysHealthy(string format, string contentType, string query, string files)
    {
        var source = $"fuzz-{format}-{query.Split('=').Last()}".TrimEnd('-');
        using (var registered = await fixture.Http.PutAsJsonAsync($"/api/sources/{source}", new { name = source, format, trustRank = 10 }))
        {
            registered.EnsureSuccessStatusCode();
        }

        var seeds = Seeds(files);
        var mutator = new Mutator(seed: 7);
        var (requests, refused, rejected) = (0, 0, 0);
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Budget && requests < 400)
        {
            var mutant = mutator.Mutate(seeds[requests % seeds.Count]);
            requests++;
            using var content = new ByteArrayContent(mutant);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            using var response = await fixture.Http.PostAsync($"/api/sources/{source}/records{query}", content);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"#{requests}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
            }
            else if (response.IsSuccessStatusCode)
            {
                var report = JsonDocument.Parse(body).RootElement;
                rejected += report.GetProperty("rejected").GetInt32();
                if (report.GetProperty("errors").EnumerateArray().Any(e => string.IsNullOrWhiteSpace(e.GetProperty("reason").GetString())))
                {
                    failures.Add($"#{requests}: an error without a reason: {body[..Math.Min(body.Length, 300)]}");
                }
            }
            else
            {
                refused++;
                if (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || !body.Contains("\"detail\"", StringComparison.Ordinal))
                {
                    failures.Add($"#{requests}: {(int)response.StatusCode} without a problem detail: {body[..Math.Min(body.Length, 300)]}");
                }
            }
        }

        var quarantine = JsonDocument.Parse(await fixture.Http.GetStringAsync($"/api/sources/{source}/quarantine?take=1")).RootElement;
        output.WriteLine($"{source}: {requests} mutants in {clock.Elapsed.TotalSeconds:0.0} s: {refused} refused whole, {rejected} records rejected, {quarantine.GetProperty("total")} quarantined");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(8)));
        Assert.Equal(rejected, quarantine.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await fixture.Http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Http.GetAsync("/health/ready")).StatusCode);
    }

    /// <summary>Bodies of a few lines (a CSV keeps its header) or whole small documents.</summary>
    private static List<byte[]> Seeds(string pattern)
    {
        var folder = Path.Combine(RepositoryPaths.SharedData, Path.GetDirectoryName(pattern)!);
        var files = Directory.GetFiles(folder, Path.GetFileName(pattern)).Order().ToList();
        return pattern.EndsWith(".json", StringComparison.Ordinal)
            ? [.. files.Select(File.ReadAllBytes)]
            : pattern.EndsWith(".csv", StringComparison.Ordinal)
                ? [.. files.SelectMany(f => File.ReadLines(f).Skip(1).Take(60).Chunk(6).Select(rows => Encoding.UTF8.GetBytes(string.Join('\n', [File.ReadLines(f).First(), .. rows]) + "\n")))]
                : [.. files.SelectMany(f => File.ReadLines(f).Take(30).Chunk(5).Select(lines => Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n")))];
    }
}
