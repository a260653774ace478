using System.Globalization;
using System.Text.Json;
using OrleansHealth.Cli.Output;
using Spectre.Console;

namespace OrleansHealth.Cli.Sources;

/// <summary>How sources look on a terminal.</summary>
public static class SourceTables
{
    public static Table List(JsonElement sources)
    {
        var table = new Table().Title("Sources").AddColumns("source", "name", "format", "trust")
            .AddColumn(new TableColumn("received").RightAligned()).AddColumn(new TableColumn("accepted").RightAligned())
            .AddColumn(new TableColumn("duplicates").RightAligned()).AddColumn(new TableColumn("rejected").RightAligned())
            .AddColumn(new TableColumn("patients").RightAligned()).AddColumn(new TableColumn("quality").RightAligned());
        foreach (var source in sources.Items())
        {
            var statistics = source.GetProperty("statistics");
            table.AddRow(
                Markup.Escape(source.Text("sourceId")), Markup.Escape(source.Text("name")), source.Text("format"), source.Text("trustRank"),
                statistics.Count("received"), statistics.Count("accepted"), statistics.Count("duplicates"), statistics.Count("rejected"),
                statistics.Count("patientsTouched"), Json.Percent(statistics.Number("qualityScore")));
        }

        return table;
    }

    public static Table Details(JsonElement source)
    {
        var statistics = source.GetProperty("statistics");
        var table = new Table().Title(Markup.Escape(source.Text("sourceId"))).AddColumns("", "");
        table.HideHeaders();
        table.AddRow("name", Markup.Escape(source.Text("name")));
        table.AddRow("format", source.Text("format"));
        table.AddRow("trust rank", source.Text("trustRank"));
        table.AddRow("received / accepted", $"{statistics.Count("received")} / {statistics.Count("accepted")}");
        table.AddRow("duplicates / rejected / skipped", $"{statistics.Count("duplicates")} / {statistics.Count("rejected")} / {statistics.Count("skipped")}");
        table.AddRow("patients touched", statistics.Count("patientsTouched"));
        table.AddRow("duplicate rate", Json.Percent(statistics.Number("duplicateRate")));
        table.AddRow("quality score", statistics.Number("qualityScore").ToString("0.000", CultureInfo.InvariantCulture));
        table.AddRow("last seen", statistics.Text("lastSeen"));
        return table;
    }

    public static Table Completeness(JsonElement source)
    {
        var statistics = source.GetProperty("statistics");
        var table = new Table().Title("Completeness and validity").AddColumn("field or rule").AddColumn(new TableColumn("value").RightAligned());
        if (statistics.TryGetProperty("completeness", out var completeness))
        {
            foreach (var field in completeness.EnumerateObject().OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                table.AddRow(Markup.Escape(field.Name), Json.Percent(field.Value.GetDouble()));
            }
        }

        if (statistics.TryGetProperty("failuresByRule", out var failures))
        {
            foreach (var rule in failures.EnumerateObject().OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                table.AddRow($"failed: {Markup.Escape(rule.Name)}", rule.Value.GetInt64().ToString("N0", CultureInfo.InvariantCulture));
            }
        }

        return table;
    }
}
