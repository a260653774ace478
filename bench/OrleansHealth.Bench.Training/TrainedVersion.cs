using OrleansHealth.Bench.Common;
using System.Text.Json;
using OrleansHealth.Learning;

namespace OrleansHealth.Bench.Training;

/// <summary>What the benchmark keeps of a finished version, whether read over HTTP or from the grain.</summary>
/// <param name="WallSeconds">From the training request to the first status that showed the version ended.</param>
/// <param name="AcceptedSeconds">How long the training request itself took (gather, preprocess, shard start).</param>
/// <param name="ShardSilos">How many distinct silos the shards ran on.</param>
internal sealed record TrainedVersion(
    int Version,
    string State,
    string? Error,
    double WallSeconds,
    double AcceptedSeconds,
    double? ForestAuroc,
    double? BaselineAuroc,
    int ForestTrees,
    int Shards,
    int ShardSilos,
    int TrainingRows,
    int HoldoutRows,
    int HoldoutPositives,
    double Gather,
    double Preprocess,
    double Train,
    double Merge,
    double Evaluate)
{
    public bool Completed => State == "Completed";

    /// <summary>Training wall time without the held-out evaluation: gather + preprocess + trees + merge, and the time to notice.</summary>
    public double WallWithoutEvaluate => WallSeconds - Evaluate;

    /// <summary>Fan-out and merge: everything of the wall time that is neither tree building nor evaluation.</summary>
    public double Overhead => WallSeconds - Train - Evaluate;

    public static TrainedVersion From(TrainingRun run) => From(run.Status, run.Seconds, run.AcceptedSeconds);

    public static TrainedVersion From(JsonElement status, double wall, double accepted)
    {
        var timings = status.TryGetProperty("timings", out var t) && t.ValueKind == JsonValueKind.Object ? t : default;
        var data = status.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var shards = status.GetProperty("shards");
        return new TrainedVersion(
            status.GetProperty("version").GetInt32(),
            status.GetProperty("state").GetString()!,
            status.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null,
            wall,
            accepted,
            Auroc(status, "forest"),
            Auroc(status, "baseline"),
            status.GetProperty("forestTrees").GetInt32(),
            shards.GetArrayLength(),
            shards.EnumerateArray().Select(s => s.TryGetProperty("silo", out var silo) ? silo.GetString() : null).Where(s => s is not null).Distinct().Count(),
            Int(data, "trainingRows"),
            Int(data, "holdoutRows"),
            Int(data, "holdoutPositives"),
            Seconds(timings, "gather"),
            Seconds(timings, "preprocess"),
            Seconds(timings, "train"),
            Seconds(timings, "merge"),
            Seconds(timings, "evaluate"));
    }

    public static TrainedVersion From(VersionStatus status, double wall, double accepted) => new(
        status.Version,
        status.State.ToString(),
        status.Error,
        wall,
        accepted,
        status.Forest?.Auroc,
        status.Baseline?.Auroc,
        status.ForestTrees,
        status.Shards.Count,
        status.Shards.Select(s => s.Silo).Where(s => s is not null).Distinct().Count(),
        status.Data?.TrainingRows ?? 0,
        status.Data?.HoldoutRows ?? 0,
        status.Data?.HoldoutPositives ?? 0,
        status.Timings?.Gather ?? 0,
        status.Timings?.Preprocess ?? 0,
        status.Timings?.Train ?? 0,
        status.Timings?.Merge ?? 0,
        status.Timings?.Evaluate ?? 0);

    private static double? Auroc(JsonElement status, string name) =>
        status.TryGetProperty(name, out var report) && report.ValueKind == JsonValueKind.Object ? report.GetProperty("auroc").GetDouble() : null;

    private static int Int(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value.GetInt32() : 0;

    private static double Seconds(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value.GetDouble() : 0;
}
