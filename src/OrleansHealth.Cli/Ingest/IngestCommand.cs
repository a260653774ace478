using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansHealth.Cli.Connection;
using OrleansHealth.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Rendering;

namespace OrleansHealth.Cli.Ingest;

/// <summary>
/// <c>ohealth ingest</c>: streams each file to the source's ingest endpoint, one request per file, with a progress
/// bar (bytes and records per second) on a terminal, then a summary of what the cluster made of every file. It
/// stops at the first file the cluster refuses, since later files often depend on earlier ones (patients first).
/// </summary>
public sealed class IngestCommand(IAnsiConsole console) : AsyncCommand<IngestSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, IngestSettings settings, CancellationToken cancellationToken)
    {
        var files = settings.Files.Select(f => FeedFile.For(f, settings.Format)).ToList();
        using var client = new ClusterClient(settings);
        var results = new List<(FeedFile File, JsonElement Report, TimeSpan Elapsed, long Records)>();
        if (console.Profile.Capabilities.Interactive && !settings.Json)
        {
            await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RecordsPerSecondColumn(), new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    foreach (var file in files)
                    {
                        var task = progress.AddTask(Markup.Escape(Path.GetFileName(file.Path)), maxValue: Math.Max(1, new FileInfo(file.Path).Length));
                        // NDJSON and CSV hold a record per line; a FHIR JSON body's lines say nothing.
                        var lineFormat = file.ContentType != "application/fhir+json";
                        results.Add(await SendAsync(client, settings, file, (bytes, lines) =>
                        {
                            task.Value = bytes;
                            task.State.Update<long>(RecordsPerSecondColumn.Lines, _ => lineFormat ? lines : 0);
                        }, cancellationToken));
                        task.StopTask();
                    }
                });
        }
        else
        {
            foreach (var file in files)
            {
                results.Add(await SendAsync(client, settings, file, (_, _) => { }, cancellationToken));
            }
        }

        if (settings.Json)
        {
            var array = new JsonArray([.. results.Select(r => new JsonObject { ["file"] = r.File.Path, ["report"] = JsonNode.Parse(r.Report.GetRawText()) })]);
            console.WriteJsonLine(array.ToJsonString());
        }
        else
        {
            console.Write(Summary(results));
        }

        return ExitCodes.Success;
    }

    private static async Task<(FeedFile, JsonElement, TimeSpan, long)> SendAsync(
        ClusterClient client, IngestSettings settings, FeedFile file, Action<long, long> progress, CancellationToken cancellationToken)
    {
        long lines = 0;
        var clock = Stopwatch.StartNew();
        await using var stream = new CountingStream(File.OpenRead(file.Path), (b, l) =>
        {
            lines = l;
            progress(b, l);
        });
        using var content = new StreamContent(stream, 64 * 1024);
        content.Headers.ContentType = file.MediaType;
        try
        {
            var report = await client.PostAsync($"/api/sources/{Uri.EscapeDataString(settings.Source!)}/records{file.Query(settings.IdColumn)}", content, cancellationToken);
            return (file, report, clock.Elapsed, lines);
        }
        catch (ClusterException ex)
        {
            throw new ClusterException(ex.ExitCode, $"{file.Path}: {ex.Message}");
        }
    }

    private static Table Summary(List<(FeedFile File, JsonElement Report, TimeSpan Elapsed, long Records)> results)
    {
        var table = new Table().Title("Ingested").AddColumn(new TableColumn("file").NoWrap())
            .AddColumn(new TableColumn("accepted").RightAligned()).AddColumn(new TableColumn("duplicates").RightAligned())
            .AddColumn(new TableColumn("rejected").RightAligned()).AddColumn(new TableColumn("skipped").RightAligned())
            .AddColumn(new TableColumn("patients").RightAligned()).AddColumn(new TableColumn("records/s").RightAligned());
        foreach (var (file, report, elapsed, _) in results)
        {
            var records = report.Number("accepted") + report.Number("duplicates") + report.Number("rejected") + report.Number("skipped");
            var rejected = report.Count("rejected");
            table.AddRow(
                Markup.Escape(Path.GetFileName(file.Path)), report.Count("accepted"), report.Count("duplicates"),
                report.Number("rejected") > 0 ? $"[yellow]{rejected}[/]" : rejected, report.Count("skipped"), report.Count("patients"),
                (records / Math.Max(elapsed.TotalSeconds, 1e-3)).ToString("N0", CultureInfo.InvariantCulture));
        }

        if (results.Count > 1)
        {
            double Sum(string name) => results.Sum(r => r.Report.Number(name));
            table.AddRow("[bold]total[/]", Format(Sum("accepted")), Format(Sum("duplicates")), Format(Sum("rejected")), Format(Sum("skipped")), "", "");
        }

        return table;

        static string Format(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
    }

    /// <summary>Records per second so far, from the line ends the upload has counted.</summary>
    private sealed class RecordsPerSecondColumn : ProgressColumn
    {
        public const string Lines = "lines";

        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            var seconds = task.ElapsedTime?.TotalSeconds ?? 0;
            var lines = task.State.Get<long>(Lines);
            return new Text(seconds > 0 && lines > 0 ? $"{lines / seconds:N0} records/s" : "", Color.Grey);
        }
    }
}
