using System.Diagnostics;
using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Features;
using OrleansHealth.Learning.Scoring;
using OrleansHealth.Learning.Training;
using OrleansHealth.Silo.Demo;
using OrleansHealth.Synthetic.Outcomes;
using OrleansHealth.Synthetic.Population;
using OrleansHealth.TestSupport;

namespace OrleansHealth.Bench.Prediction;

/// <summary>
/// Does the treatment ranking recover the planted effect? A synthetic population (confounded
/// assignment, heterogeneous effects: metformin helps more with a high HbA1c, the lifestyle programme
/// with a high BMI) is split 70/30; a forest (Classic learner) learns the observed outcome from the
/// demo model's features on the 70 %, and for every person of the 30 % the model's top-ranked
/// treatment is compared with the truly best one (lowest true risk in <see cref="OutcomeTruth"/>), and
/// with the policy "everyone gets the treatment that is best on average". Two forests are compared:
/// the learner's defaults (trees grown until pure) and shallow trees (maxDepth 6, as the test
/// <c>TreatmentRankingTruthTests</c> uses); <c>--seeds N</c> repeats it over N population seeds.
/// </summary>
internal static class TreatmentBench
{
    public static IReadOnlyList<TreatmentResult> Run(BenchOptions options)
    {
        var configs = new List<ForestConfig> { new("learner defaults (grown until pure)", null, null, null), new("maxDepth 6 (as the test)", null, null, 6) };
        if (options.MinLeaf is not null || options.MaxFeatures is not null || options.MaxDepth is not null)
        {
            configs.Add(new($"minLeaf {options.MinLeaf?.ToString(Table.Culture) ?? "1"}, maxFeatures {options.MaxFeatures?.ToString(Table.Culture) ?? "√"}, " +
                            $"maxDepth {options.MaxDepth?.ToString(Table.Culture) ?? "∞"}", options.MinLeaf, options.MaxFeatures, options.MaxDepth));
        }

        Console.WriteLine();
        Console.WriteLine($"## treatment: {options.People:N0} synthetic people, 70/30 split, {options.TreatmentTrees} trees (Classic), seeds {options.Seed}–{options.Seed + options.Seeds - 1}");
        var results = new List<TreatmentResult>();
        for (var seed = options.Seed; seed < options.Seed + options.Seeds; seed++)
        {
            var clock = Stopwatch.StartNew();
            var population = new PopulationOptions { PatientCount = options.People, Seed = seed };
            var persons = new PopulationGenerator(population).GenerateAll();
            var (training, test) = Split(persons);
            var raw = TreatmentRows.Matrix(training, population.IndexDate);
            var definition = DemoModel.Definition(population);
            var line = $"seed {seed}: generated {persons.Count:N0} in {clock.Elapsed.TotalSeconds:F1} s";
            foreach (var config in configs)
            {
                clock.Restart();
                var scoring = Train(definition, raw, options.TreatmentTrees, config, seed);
                var trained = clock.Elapsed.TotalSeconds;
                clock.Restart();
                var result = Evaluate(seed, config, scoring, test, population.IndexDate, options.LargeReduction);
                results.Add(result);
                line += $"; {config.Name}: trained {trained:F1} s, ranked {test.Count:N0} in {clock.Elapsed.TotalSeconds:F1} s, " +
                        $"top = best {Table.Percent(result.TopIsBest)} vs policy {Table.Percent(result.PolicyIsBest)}";
            }

            Console.WriteLine(line);
        }

        Print(results.Where(r => r.Seed == options.Seed).ToList(), options);
        if (options.Seeds > 1)
        {
            PrintSweep(results, configs, options);
        }

        return results;
    }

    /// <summary>A fixed shuffle of the persons: the first 70 % train, the rest are ranked.</summary>
    public static (List<SyntheticPerson> Training, List<SyntheticPerson> Test) Split(IReadOnlyList<SyntheticPerson> persons)
    {
        var order = Enumerable.Range(0, persons.Count).ToArray();
        new Random(12345).Shuffle(order);
        var cut = persons.Count * 7 / 10;
        return ([.. order[..cut].Select(i => persons[i])], [.. order[cut..].Select(i => persons[i])]);
    }

    private static ScoringModel Train(ModelDefinition definition, FeatureMatrix raw, int trees, ForestConfig config, int seed)
    {
        // As the version grain prepares a version's rows: the treatment features are kept whatever their rank.
        var prepared = PreparedData.Fit(raw, topK: null, keep: [TreatmentRows.Metformin, TreatmentRows.Lifestyle]);
        var request = new TrainingRequest(Trees: trees, Shards: 1, Seed: seed, Learner: TreeLearner.Classic,
            MinExamplesPerLeaf: config.MinLeaf, MaxFeatures: config.MaxFeatures, MaxDepth: config.MaxDepth);
        var shard = TrainingRequests.OptionsFor(request, trees, 0);
        var forest = (shard with { Classic = shard.Classic! with { Threads = Environment.ProcessorCount } }).Train(prepared.ForestInput);
        return ScoringModel.Build(DemoModel.Name, 1, definition, prepared.Plan, forest, prepared.ForestInput, shards: 1);
    }

    private static TreatmentResult Evaluate(int seed, ForestConfig config, ScoringModel scoring, IReadOnlyList<SyntheticPerson> test, DateOnly indexDate, double largeReduction)
    {
        var recommended = new Treatment[test.Count];
        Parallel.For(0, test.Count, i => recommended[i] = TreatmentRows.Parse(scoring.RankTreatments(TreatmentRows.Row(test[i], indexDate)).Treatments[0].Treatment));

        var all = Enumerable.Range(0, test.Count).ToList();
        var best = test.Select(p => TreatmentRows.TrulyBest(p.Truth)).ToArray();
        var meanRisk = PerTreatment<double>.Candidates.ToDictionary(t => t, t => test.Average(p => p.Truth.Risk[t]));
        var policy = meanRisk.MinBy(kv => kv.Value).Key;
        var large = all.Where(i => test[i].Truth.Risk.None - test[i].Truth.Risk[best[i]] >= largeReduction).ToList();
        var gap = all.Select(i => Math.Abs(test[i].Truth.Risk.Metformin - test[i].Truth.Risk.Lifestyle)).Order().ToList();
        return new TreatmentResult(
            seed,
            config.Name,
            test.Count,
            Share(all, i => recommended[i] == best[i]),
            policy,
            Share(all, i => policy == best[i]),
            PerTreatment<double>.Candidates.Select(t => Share(all, i => best[i] == t)).ToArray(),
            PerTreatment<double>.Candidates.Select(t => Share(all, i => recommended[i] == t)).ToArray(),
            large.Count,
            largeReduction,
            Share(large, i => recommended[i] == Treatment.None),
            Share(large, i => recommended[i] == best[i]),
            gap[gap.Count / 2],
            all.Average(i => test[i].Truth.Risk[recommended[i]]),
            meanRisk[policy],
            test.Average(p => p.Truth.Risk[p.Truth.Treatment]),
            all.Average(i => test[i].Truth.Risk[best[i]]),
            meanRisk[Treatment.None]);

        static double Share(List<int> items, Func<int, bool> predicate) => items.Count == 0 ? 0 : items.Count(predicate) / (double)items.Count;
    }

    private static void Print(List<TreatmentResult> results, BenchOptions options)
    {
        var first = results[0];
        var policy = first.Policy.ToString().ToLowerInvariant();
        var table = new Table(["measure", .. results.Select(r => r.Config)]);
        Add("top-ranked treatment is truly best", r => Table.Percent(r.TopIsBest));
        Add($"policy \"everyone gets {policy}\" (lowest mean true risk) is truly best", r => Table.Percent(r.PolicyIsBest));
        Add("top-ranked: none / metformin / lifestyle", r => string.Join(" / ", r.RecommendedShare.Select(Table.Percent)));
        Add("truly best: none / metformin / lifestyle", r => string.Join(" / ", r.TrulyBestShare.Select(Table.Percent)));
        Add($"\"none\" top-ranked, of the {first.LargeCount:N0} whose true risk falls by ≥ {first.LargeReduction:0.00} under their best treatment", r => Table.Percent(r.NoneTopAmongLarge));
        Add("… truly best top-ranked, of the same people", r => Table.Percent(r.TopIsBestAmongLarge));
        Add("mean true risk under the top-ranked treatment", r => Table.Risk(r.RiskRecommended));
        Add($"mean true risk under the policy ({policy} for all)", r => Table.Risk(r.RiskPolicy));
        Add("mean true risk under the observed treatment", r => Table.Risk(r.RiskObserved));
        Add("mean true risk under the truly best treatment (oracle)", r => Table.Risk(r.RiskOracle));
        Add("mean true risk untreated", r => Table.Risk(r.RiskNone));
        Add("median absolute difference of true risk, metformin against lifestyle", r => Table.Risk(r.MedianGap));
        table.Print($"### treatment ranking against the generator's truth: seed {first.Seed}, {options.People:N0} people ({first.TestPeople:N0} ranked), {options.TreatmentTrees} trees");

        void Add(string measure, Func<TreatmentResult, string> cell) => table.Add([measure, .. results.Select(cell)]);
    }

    private static void PrintSweep(List<TreatmentResult> results, List<ForestConfig> configs, BenchOptions options)
    {
        var table = new Table("forest", "seeds where top-ranked beats the policy", "top = best − policy = best: mean (min … max)", "\"none\" top-ranked among large reductions: max",
            "mean true risk, top-ranked − policy: mean (max)");
        foreach (var config in configs)
        {
            var mine = results.Where(r => r.Config == config.Name).ToList();
            var delta = mine.Select(r => r.TopIsBest - r.PolicyIsBest).ToList();
            var risk = mine.Select(r => r.RiskRecommended - r.RiskPolicy).ToList();
            table.Add(config.Name, $"{delta.Count(d => d > 0)} of {mine.Count}",
                $"{Points(delta.Average())} ({Points(delta.Min())} … {Points(delta.Max())})",
                Table.Percent(mine.Max(r => r.NoneTopAmongLarge)),
                $"{Signed(risk.Average())} ({Signed(risk.Max())})");
        }

        table.Print($"### over {options.Seeds} population seeds ({options.Seed}–{options.Seed + options.Seeds - 1}), {options.People:N0} people each");

        static string Points(double share) => Math.Round(share * 100, 1) is var p && p == 0 ? "0.0 pt" : p.ToString("+0.0;−0.0", Table.Culture) + " pt";

        static string Signed(double risk) => Math.Round(risk, 4) is var r && r == 0 ? "0.0000" : r.ToString("+0.0000;−0.0000", Table.Culture);
    }
}

internal sealed record ForestConfig(string Name, int? MinLeaf, int? MaxFeatures, int? MaxDepth);

internal sealed record TreatmentResult(
    int Seed,
    string Config,
    int TestPeople,
    double TopIsBest,
    Treatment Policy,
    double PolicyIsBest,
    double[] TrulyBestShare,
    double[] RecommendedShare,
    int LargeCount,
    double LargeReduction,
    double NoneTopAmongLarge,
    double TopIsBestAmongLarge,
    double MedianGap,
    double RiskRecommended,
    double RiskPolicy,
    double RiskObserved,
    double RiskOracle,
    double RiskNone);
