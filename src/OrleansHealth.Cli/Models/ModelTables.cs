using System.Globalization;
using System.Text.Json;
using OrleansHealth.Cli.Output;
using Spectre.Console;

namespace OrleansHealth.Cli.Models;

/// <summary>How models and versions look on a terminal.</summary>
public static class ModelTables
{
    public static Table Model(JsonElement model)
    {
        var table = new Table().Title($"Model {Markup.Escape(model.Text("name"))} (active version: {model.Text("activeVersion")})")
            .AddColumn(new TableColumn("version").RightAligned()).AddColumn("state").AddColumn("created").AddColumn(new TableColumn("AUROC").RightAligned());
        foreach (var version in model.Items("versions"))
        {
            table.AddRow(version.Text("version"), version.Text("state"), version.Text("createdAt"), version.Text("auroc"));
        }

        return table;
    }

    /// <summary>Which silo trains which shard, how far it is and how long it took.</summary>
    public static Table Shards(JsonElement version)
    {
        var table = new Table().Title($"{Markup.Escape(version.Text("model"))} version {version.Text("version")}: {version.Text("state")}")
            .AddColumn(new TableColumn("shard").RightAligned()).AddColumn("state").AddColumn("silo")
            .AddColumn(new TableColumn("progress").RightAligned()).AddColumn(new TableColumn("trees").RightAligned())
            .AddColumn(new TableColumn("attempts").RightAligned()).AddColumn(new TableColumn("seconds").RightAligned());
        foreach (var shard in version.Items("shards"))
        {
            var seconds = shard.TryGetProperty("startedAt", out var started) && started.ValueKind == JsonValueKind.String
                ? ((shard.TryGetProperty("finishedAt", out var finished) && finished.ValueKind == JsonValueKind.String ? finished.GetDateTimeOffset() : DateTimeOffset.UtcNow)
                    - started.GetDateTimeOffset()).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)
                : "";
            table.AddRow(shard.Text("index"), shard.Text("state"), Markup.Escape(shard.Text("silo")), Json.Percent(shard.Number("progress")),
                shard.Text("trees"), shard.Text("attempts"), seconds);
        }

        return table;
    }

    /// <summary>The held-out metrics of the forest and its logistic baseline.</summary>
    public static Table Metrics(JsonElement version)
    {
        var table = new Table().Title("Held-out evaluation").AddColumn("metric")
            .AddColumn(new TableColumn("forest").RightAligned()).AddColumn(new TableColumn("logistic baseline").RightAligned());
        version.TryGetProperty("forest", out var forest);
        version.TryGetProperty("baseline", out var baseline);
        foreach (var metric in new[] { "auroc", "auprc", "accuracy", "sensitivity", "specificity", "f1", "brier" })
        {
            table.AddRow(metric, Value(forest, metric), Value(baseline, metric));
        }

        return table;

        static string Value(JsonElement report, string name) =>
            report.ValueKind == JsonValueKind.Object && !double.IsNaN(report.Number(name)) ? report.Number(name).ToString("0.000", CultureInfo.InvariantCulture) : "";
    }
}
