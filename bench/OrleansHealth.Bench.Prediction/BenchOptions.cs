using System.Globalization;

namespace OrleansHealth.Bench.Prediction;

/// <summary>The command line: a mode and its options.</summary>
/// <param name="Mode">batch, latency, treatment or all.</param>
/// <param name="Seconds">How long each latency phase runs (default 60).</param>
/// <param name="Clients">Concurrent HTTP clients of the latency mode (default 64).</param>
/// <param name="Patients">Demo population of the latency mode (default 1,000, the demo's own default).</param>
/// <param name="People">Synthetic people of the treatment mode (default 20,000).</param>
/// <param name="TreatmentTrees">Trees of the treatment mode's forest (default 300).</param>
/// <param name="MinLeaf">minExamplesPerLeaf of an extra treatment forest (default: the learner's, 1).</param>
/// <param name="MaxFeatures">maxFeatures of an extra treatment forest (default: the learner's, √features).</param>
/// <param name="MaxDepth">maxDepth of an extra treatment forest; any of --min-leaf, --max-features, --max-depth adds a third forest beside the two always reported.</param>
/// <param name="Seeds">Population seeds of the treatment mode, from --seed on (default 1).</param>
/// <param name="LargeReduction">A true absolute risk reduction at least this large counts as "large" (default 0.05).</param>
/// <param name="Seed">Seed of the treatment mode's population (default 7).</param>
/// <param name="Repeats">Timed repetitions per batch measurement; the median is reported (default 5).</param>
/// <param name="Shards">Shards of the batch mode's cluster version (default: the number of cores).</param>
/// <param name="Load">How the batch mode's rows reach the cluster: <c>tabular</c> (default, over HTTP) or <c>direct</c> (into the feature partitions).</param>
internal sealed record BenchOptions(
    string Mode,
    int Seconds,
    int Clients,
    int Patients,
    int People,
    int TreatmentTrees,
    int? MinLeaf,
    int? MaxFeatures,
    int? MaxDepth,
    int Seeds,
    double LargeReduction,
    int Seed,
    int Repeats,
    int Shards,
    string Load)
{
    public const string Usage =
        "dotnet run -c Release --project bench/OrleansHealth.Bench.Prediction -- [batch|latency|treatment|all] " +
        "[--seconds 60] [--clients 64] [--patients 1000] [--people 20000] [--trees 300] [--seeds 1] [--min-leaf N] [--max-features N] [--max-depth N] " +
        "[--large 0.05] [--seed 7] [--repeats 5] [--shards N] [--load tabular|direct]";

    public static BenchOptions Parse(string[] args)
    {
        var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0].ToLowerInvariant() : "all";
        if (mode is not ("batch" or "latency" or "treatment" or "all"))
        {
            throw new ArgumentException($"Unknown mode '{mode}'. Usage: {Usage}");
        }

        var load = (Text("--load") ?? "tabular").ToLowerInvariant();
        if (load is not ("tabular" or "direct"))
        {
            throw new ArgumentException($"--load {load}: use tabular or direct.");
        }

        return new BenchOptions(
            mode,
            Number("--seconds") ?? 60,
            Number("--clients") ?? 64,
            Number("--patients") ?? 1_000,
            Number("--people") ?? 20_000,
            Number("--trees") ?? 300,
            Number("--min-leaf"),
            Number("--max-features"),
            Number("--max-depth"),
            Number("--seeds") ?? 1,
            Text("--large") is { } large ? double.Parse(large, CultureInfo.InvariantCulture) : 0.05,
            Number("--seed") ?? 7,
            Number("--repeats") ?? 5,
            Number("--shards") ?? Environment.ProcessorCount,
            load);

        string? Text(string name)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        }

        int? Number(string name) => Text(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
    }
}
