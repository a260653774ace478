using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace OrleansHealth.Cli.Bench;

/// <summary>What a bench measured, as a table (for people) or one line of JSON (for scripts and dashboards).</summary>
public static class BenchSummaryView
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static Table ToTable(IngestBenchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = Measures("Ingest benchmark");
        table.AddRow("source", Markup.Escape(result.Source) + (result.Registered ? " (registered now)" : ""));
        table.AddRow("format", result.Format);
        table.AddRow("patients", Number(result.Patients));
        table.AddRow("concurrency", Number(result.Concurrency));
        table.AddRow("requests", $"{Number(result.Documents)} ({(result.Bytes / 1_048_576.0).ToString("F1", CultureInfo.InvariantCulture)} MB)");
        table.AddRow("records", Number(result.Records));
        table.AddRow("accepted", Number(result.Accepted));
        table.AddRow("duplicates", Number(result.Duplicates));
        table.AddRow("rejected", result.Rejected > 0 ? $"[yellow]{Number(result.Rejected)}[/]" : Number(result.Rejected));
        table.AddRow("skipped", Number(result.Skipped));
        table.AddRow("wall time", Seconds(result.Wall.TotalSeconds));
        table.AddRow("[bold]records/s[/]", $"[bold]{Number(result.RecordsPerSecond)}[/]");
        table.AddRow("generated in", Seconds(result.Generation.TotalSeconds));
        return table;
    }

    public static string ToJson(IngestBenchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonSerializer.Serialize(
            new
            {
                result.Source,
                result.Registered,
                result.Format,
                result.Patients,
                result.Seed,
                result.Concurrency,
                Requests = result.Documents,
                result.Bytes,
                result.Records,
                result.Accepted,
                result.Duplicates,
                result.Rejected,
                result.Skipped,
                WallSeconds = Math.Round(result.Wall.TotalSeconds, 3),
                RecordsPerSecond = Math.Round(result.RecordsPerSecond, 1),
                RequestsPerSecond = Math.Round(result.DocumentsPerSecond, 1),
                GenerateSeconds = Math.Round(result.Generation.TotalSeconds, 3),
            },
            JsonOptions);
    }

    /// <summary>The measures, then the failures by status when there were any.</summary>
    public static void Show(IAnsiConsole console, PredictBenchResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        var table = Measures("Prediction benchmark");
        table.AddRow("model", Markup.Escape(result.Model));
        table.AddRow("patients", Number(result.Patients));
        table.AddRow("concurrency", Number(result.Concurrency));
        table.AddRow("requests", Number(result.Requests));
        table.AddRow("errors", result.Errors > 0 ? $"[yellow]{Number(result.Errors)}[/]" : "0");
        table.AddRow("wall time", Seconds(result.Wall.TotalSeconds));
        table.AddRow("[bold]requests/s[/]", $"[bold]{Number(result.RequestsPerSecond)}[/]");
        if (result.Latency is { } latency)
        {
            table.AddRow("p50", Milliseconds(latency.P50));
            table.AddRow("p95", Milliseconds(latency.P95));
            table.AddRow("p99", Milliseconds(latency.P99));
            table.AddRow("max", Milliseconds(latency.Max));
        }

        console.Write(table);
        if (result.Errors > 0)
        {
            var errors = new Table().Title("Errors by status").AddColumn("status").AddColumn(new TableColumn("requests").RightAligned());
            foreach (var (status, count) in result.ErrorsByStatus)
            {
                errors.AddRow(Markup.Escape(status), Number(count));
            }

            console.Write(errors);
        }
    }

    public static string ToJson(PredictBenchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonSerializer.Serialize(
            new
            {
                result.Model,
                result.Patients,
                result.Concurrency,
                result.Requests,
                result.Succeeded,
                result.Errors,
                result.ErrorsByStatus,
                WallSeconds = Math.Round(result.Wall.TotalSeconds, 3),
                RequestsPerSecond = Math.Round(result.RequestsPerSecond, 1),
                // Null when no request was answered: there is no latency to report.
                LatencyMs = result.Latency is { } l
                    ? new { l.Count, P50 = Round(l.P50), P95 = Round(l.P95), P99 = Round(l.P99), Max = Round(l.Max) }
                    : null,
            },
            JsonOptions);
    }

    private static Table Measures(string title) =>
        new Table().Title(title).AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());

    // Rounded after sorting, so the order p50 ≤ p95 ≤ p99 ≤ max survives.
    private static double Round(double milliseconds) => Math.Round(milliseconds, 3);

    private static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Seconds(double value) => value.ToString("F2", CultureInfo.InvariantCulture) + " s";

    private static string Milliseconds(double value) => value.ToString("F1", CultureInfo.InvariantCulture) + " ms";
}
