using System.Globalization;
using OrleansHealth.Learning.Training;

namespace OrleansHealth.Bench.Training;

/// <summary>The command line: a mode and its options.</summary>
/// <param name="Mode">accuracy, speed, scaling or all.</param>
/// <param name="Learners">The learners to run; <c>--learner both</c> runs both, in this order.</param>
/// <param name="Trees">Overrides each mode's tree count (accuracy 500, speed and scaling 100).</param>
/// <param name="Shards">Shards of the accuracy and speed versions (default: the number of cores).</param>
/// <param name="Rows">Rows of the speed set (default 120,000, as the issue asks).</param>
/// <param name="ScalingRows">Rows of the scaling set (default 40,000).</param>
/// <param name="IngestChunk">Ingest:ChunkSize of the embedded silos (records per chunk); null keeps the silo's default (2,000).</param>
/// <param name="SpeedLoad"><c>tabular</c> (default): the speed set goes through <c>POST …/records?format=tabular</c>;
/// <c>direct</c>: its rows are written straight into the feature partitions of the same silo (what ingest
/// produces, without the ingest), for sizes the tabular path cannot ingest in reasonable time.</param>
/// <param name="Json">Also print the results as one JSON object at the end.</param>
internal sealed record BenchOptions(
    string Mode,
    IReadOnlyList<TreeLearner> Learners,
    int? Trees,
    int Shards,
    int Rows,
    int ScalingRows,
    int? IngestChunk,
    string SpeedLoad,
    bool Json)
{
    public const string Usage =
        "dotnet run -c Release --project bench/OrleansHealth.Bench.Training -- [accuracy|speed|scaling|all] " +
        "[--learner Classic|FastForest|both] [--trees N] [--shards N] [--rows N] [--scaling-rows N] [--ingest-chunk N] [--speed-load tabular|direct] [--json]";

    public static BenchOptions Parse(string[] args)
    {
        var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0].ToLowerInvariant() : "accuracy";
        if (mode is not ("accuracy" or "speed" or "scaling" or "all"))
        {
            throw new ArgumentException($"Unknown mode '{mode}'. Usage: {Usage}");
        }

        var learner = Text("--learner") ?? "Classic";
        IReadOnlyList<TreeLearner> learners = learner.Equals("both", StringComparison.OrdinalIgnoreCase)
            ? [TreeLearner.Classic, TreeLearner.FastForest]
            : Enum.TryParse<TreeLearner>(learner, ignoreCase: true, out var one)
                ? [one]
                : throw new ArgumentException($"--learner {learner}: use Classic, FastForest or both.");

        return new BenchOptions(
            mode,
            learners,
            Number("--trees"),
            Number("--shards") ?? Environment.ProcessorCount,
            Number("--rows") ?? 120_000,
            Number("--scaling-rows") ?? 40_000,
            Number("--ingest-chunk"),
            SpeedLoad(),
            args.Contains("--json"));

        string? Text(string name)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        }

        string SpeedLoad()
        {
            var load = (Text("--speed-load") ?? "tabular").ToLowerInvariant();
            return load is "tabular" or "direct" ? load : throw new ArgumentException($"--speed-load {load}: use tabular or direct.");
        }

        int? Number(string name) => Text(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
    }
}
