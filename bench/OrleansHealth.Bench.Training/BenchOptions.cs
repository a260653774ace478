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
/// <param name="Forest">The accuracy versions' forest settings (<c>--seed</c>, <c>--max-features</c>, <c>--min-leaf</c>,
/// <c>--max-depth</c>, <c>--max-bins</c>); unset ones keep the learner's defaults.</param>
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
    ForestSettings Forest,
    bool Json)
{
    public const string Usage =
        "dotnet run -c Release --project bench/OrleansHealth.Bench.Training -- [accuracy|speed|scaling|all] " +
        "[--learner Classic|FastForest|both] [--trees N] [--shards N] [--rows N] [--scaling-rows N] [--ingest-chunk N] [--speed-load tabular|direct] " +
        "[--seed N] [--max-features N] [--min-leaf N] [--max-depth N] [--max-bins N] [--json]\n" +
        "--seed, --max-features, --min-leaf, --max-depth and --max-bins set the accuracy versions' training request " +
        "(seed, maxFeatures, minExamplesPerLeaf, maxDepth, maxBins); --max-features and --max-depth apply to Classic only.";

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
            new ForestSettings(Number("--seed") ?? 1, Number("--max-features"), Number("--min-leaf"), Number("--max-depth"), Number("--max-bins")),
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

    /// <summary>The embedded silos' settings from these options.</summary>
    public Dictionary<string, string?> SiloSettings() => IngestChunk is { } chunk
        ? new() { ["Ingest:ChunkSize"] = chunk.ToString(CultureInfo.InvariantCulture) }
        : [];
}

/// <summary>
/// The forest settings of the accuracy versions, as fields of the training request; null leaves the
/// learner's default (Classic: √features per split, leaves of 1 row, unlimited depth, 255 bins).
/// </summary>
/// <param name="Seed">The request's seed (default 1). A rerun also re-ingests, which gives the rows new
/// patient ids and so a new row order, so two runs with the same seed can still differ slightly.</param>
internal sealed record ForestSettings(int Seed, int? MaxFeatures, int? MinLeaf, int? MaxDepth, int? MaxBins)
{
    /// <summary>The request body of one version; <paramref name="holdout"/> is the fold it holds out.</summary>
    public object Request(int trees, int shards, TreeLearner learner, string holdout) => new
    {
        trees,
        shards,
        seed = Seed,
        learner = learner.ToString(),
        holdoutValues = new[] { holdout },
        // The API refuses maxFeatures and maxDepth for FastForest rather than ignore them, so they go to Classic only.
        maxFeatures = learner == TreeLearner.Classic ? MaxFeatures : null,
        maxDepth = learner == TreeLearner.Classic ? MaxDepth : null,
        minExamplesPerLeaf = MinLeaf,
        maxBins = MaxBins,
    };

    /// <summary>For the report's headings: the seed and whatever is not the default.</summary>
    public override string ToString()
    {
        var parts = new List<string> { $"seed {Seed}" };
        if (MaxFeatures is { } features)
        {
            parts.Add($"maxFeatures {features} (Classic)");
        }

        if (MaxDepth is { } depth)
        {
            parts.Add($"maxDepth {depth} (Classic)");
        }

        if (MinLeaf is { } leaf)
        {
            parts.Add($"minExamplesPerLeaf {leaf}");
        }

        if (MaxBins is { } bins)
        {
            parts.Add($"maxBins {bins}");
        }

        return string.Join(", ", parts);
    }
}
