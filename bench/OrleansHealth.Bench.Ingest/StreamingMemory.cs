using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using OrleansHealth.TestSupport;

namespace OrleansHealth.Bench.Ingest;

/// <summary>
/// A silo in its own process receives a large NDJSON body; its resident memory (VmRSS from /proc) is
/// sampled while the body streams. The peak shows whether the body is held in memory.
/// </summary>
internal static class StreamingMemory
{
    public static async Task<(long PeakRssBytes, long BaselineRssBytes, TimeSpan Elapsed)> MeasureAsync(NdjsonCorpus corpus, long bodyBytes)
    {
        // The production collector (server GC, as the silo's runtimeconfig says), not the tests' workstation one.
        await using var silo = SiloProcess.Start(new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Warning",
            ["DOTNET_gcServer"] = "1",
            ["DOTNET_GCgen0size"] = "0x4000000",
        });
        await silo.WaitUntilReadyAsync(TimeSpan.FromMinutes(2));
        (await silo.Http.PutAsJsonAsync("/api/sources/stream", new { name = "Stream", format = "fhir-ndjson" })).EnsureSuccessStatusCode();
        var baseline = Rss(silo.ProcessId);

        using var sampling = new CancellationTokenSource();
        var peak = baseline;
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, Rss(silo.ProcessId));
                await Task.Delay(100, CancellationToken.None);
            }
        });

        using var http = TestAuth.Client(silo.Http.BaseAddress, Timeout.InfiniteTimeSpan);
        var content = new StreamContent(new RepeatingStream(corpus.Body, bodyBytes), 64 * 1024);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+ndjson");
        var stopwatch = Stopwatch.StartNew();
        using (var response = await http.PostAsync("/api/sources/stream/records", content))
        {
            response.EnsureSuccessStatusCode();
        }

        var elapsed = stopwatch.Elapsed;
        await sampling.CancelAsync();
        await sampler;
        return (peak, baseline, elapsed);
    }

    private static long Rss(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
            }
        }

        return 0;
    }
}
