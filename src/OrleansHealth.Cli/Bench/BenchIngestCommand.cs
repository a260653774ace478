using System.Diagnostics;
using System.Net.Http.Headers;
using OrleansHealth.Cli.Connection;
using OrleansHealth.Cli.Output;
using OrleansHealth.Synthetic.Sources;
using OrleansHealth.Synthetic.Writing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrleansHealth.Cli.Bench;

/// <summary>
/// <c>ohealth bench ingest</c>: generates a synthetic feed in memory, registers the source when the cluster does
/// not know it, then sends the feed through the ingest endpoint (the requests of <c>ohealth ingest</c>) with
/// <c>--concurrency</c> batches in flight, and reports what the cluster made of it and how fast. It stops at the
/// first request the cluster refuses, as <c>ingest</c> does: a rate over a half-refused feed would mislead.
/// </summary>
public sealed class BenchIngestCommand(IAnsiConsole console) : AsyncCommand<BenchIngestSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, BenchIngestSettings settings, CancellationToken cancellationToken)
    {
        var generation = Stopwatch.StartNew();
        var feed = BenchFeed.Generate(settings.Patients, settings.Seed, settings.FeedFormat, cancellationToken);
        generation.Stop();

        using var client = new ClusterClient(settings);
        var registered = await RegisterIfMissingAsync(client, settings, cancellationToken);

        long accepted = 0, duplicates = 0, rejected = 0, skipped = 0;
        var wall = Stopwatch.StartNew();
        await BenchProgress.RunAsync(console, settings.Json, $"{settings.Patients:N0} patients → {settings.Source}", feed.Documents, async done =>
            await Parallel.ForEachAsync(feed.Batches, new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken },
                async (batch, token) =>
                {
                    foreach (var document in batch)
                    {
                        var report = await SendAsync(client, settings.Source!, document, token);
                        Interlocked.Add(ref accepted, (long)report.Number("accepted"));
                        Interlocked.Add(ref duplicates, (long)report.Number("duplicates"));
                        Interlocked.Add(ref rejected, (long)report.Number("rejected"));
                        Interlocked.Add(ref skipped, (long)report.Number("skipped"));
                        done();
                    }
                }));
        wall.Stop();

        var result = new IngestBenchResult(
            settings.Source!, registered, SourceProfile.FormatName(settings.FeedFormat), settings.Patients, settings.Seed, settings.Concurrency,
            feed.Documents, feed.Bytes, accepted, duplicates, rejected, skipped, generation.Elapsed, wall.Elapsed);
        if (settings.Json)
        {
            console.WriteJsonLine(BenchSummaryView.ToJson(result));
        }
        else
        {
            console.Write(BenchSummaryView.ToTable(result));
        }

        return ExitCodes.Success;
    }

    /// <summary>Registers the source as <c>sources add ID --format F</c> would, unless the cluster knows it already (then its registration is left as it is); true when it registered.</summary>
    private static async Task<bool> RegisterIfMissingAsync(ClusterClient client, BenchIngestSettings settings, CancellationToken cancellationToken)
    {
        var path = $"/api/sources/{Uri.EscapeDataString(settings.Source!)}";
        try
        {
            await client.GetAsync(path, cancellationToken);
            return false;
        }
        catch (ClusterException ex) when (ex.ExitCode == ExitCodes.NotFound)
        {
            await client.SendJsonAsync(HttpMethod.Put, path,
                new { name = settings.Source, format = SourceProfile.FormatName(settings.FeedFormat), trustRank = 50 }, cancellationToken);
            return true;
        }
    }

    private static async Task<System.Text.Json.JsonElement> SendAsync(ClusterClient client, string source, FeedDocument document, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(document.Content);
        content.Headers.ContentType = new MediaTypeHeaderValue(document.ContentType);
        var query = document.CsvFormat is null ? "" : $"?format={document.CsvFormat}";
        try
        {
            return await client.PostAsync($"/api/sources/{Uri.EscapeDataString(source)}/records{query}", content, cancellationToken);
        }
        catch (ClusterException ex)
        {
            throw new ClusterException(ex.ExitCode, $"{document.Name}: {ex.Message}");
        }
    }
}
