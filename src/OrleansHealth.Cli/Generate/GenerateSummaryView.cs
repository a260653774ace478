using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using OrleansHealth.Synthetic.Writing;
using Spectre.Console;

namespace OrleansHealth.Cli.Generate;

/// <summary>The summary of a generate run as a Spectre table (for people) or JSON (for scripts).</summary>
public static class GenerateSummaryView
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Table ToTable(DatasetSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("source").NoWrap());
        table.AddColumn("trust");
        table.AddColumn("format");
        table.AddColumn(new TableColumn("patients").RightAligned());
        table.AddColumn(new TableColumn("resent").RightAligned());
        table.AddColumn(new TableColumn("obs").RightAligned());
        table.AddColumn(new TableColumn("files").RightAligned());
        table.AddColumn(new TableColumn("MB").RightAligned());
        foreach (var s in summary.Sources)
        {
            table.AddRow(
                Markup.Escape(s.SourceId),
                Number(s.TrustRank),
                Markup.Escape(string.Join(", ", s.Formats)),
                Number(s.Patients),
                Number(s.Resends),
                Number(s.Observations),
                Number(s.Files),
                (s.Bytes / 1_048_576.0).ToString("F1", CultureInfo.InvariantCulture));
        }

        return table;
    }

    public static string ToJson(DatasetSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return JsonSerializer.Serialize(
            new
            {
                summary.OutputDirectory,
                summary.Seed,
                summary.Persons,
                summary.Untreated,
                summary.Metformin,
                summary.Lifestyle,
                summary.Outcomes,
                summary.OutcomeRate,
                ElapsedSeconds = Math.Round(summary.Elapsed.TotalSeconds, 3),
                summary.Sources,
            },
            JsonOptions);
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
