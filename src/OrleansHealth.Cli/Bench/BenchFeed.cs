using OrleansHealth.Synthetic.Population;
using OrleansHealth.Synthetic.Sources;
using OrleansHealth.Synthetic.Writing;

namespace OrleansHealth.Cli.Bench;

/// <summary>
/// A synthetic population's feed as one source would send it, rendered in memory before the clock starts, in
/// batches of <see cref="PatientsPerBatch"/> patients. A batch's documents go in order (patients before their
/// encounters and observations), one batch per request slot, so several batches can be in flight without an
/// observation ever overtaking its patient.
/// </summary>
public sealed class BenchFeed
{
    /// <summary>Small enough that two or more batches exist for a few hundred patients, large enough that an NDJSON or CSV request carries thousands of records.</summary>
    public const int PatientsPerBatch = 100;

    private BenchFeed(IReadOnlyList<IReadOnlyList<FeedDocument>> batches) => Batches = batches;

    public IReadOnlyList<IReadOnlyList<FeedDocument>> Batches { get; }

    public int Documents => Batches.Sum(b => b.Count);

    public long Bytes => Batches.Sum(b => b.Sum(d => (long)d.Content.Length));

    /// <summary>The same bytes for the same patients, seed and format (batches are rendered in parallel, each on its own).</summary>
    public static BenchFeed Generate(int patients, long seed, FeedFormat format, CancellationToken cancellationToken)
    {
        var population = new PopulationGenerator(new PopulationOptions { PatientCount = patients, Seed = seed });
        // One source, since the bench sends to one; in the common units (generate gives one source of three the
        // alternative ones), with generate's default noise, duplicates included.
        var simulator = new SourceSimulator(population, new SourceSimulationOptions { SourceCount = 1, AlternativeUnitSources = 0 });
        var source = simulator.Sources.Single();
        var batches = new IReadOnlyList<FeedDocument>[(patients + PatientsPerBatch - 1) / PatientsPerBatch];
        Parallel.For(0, batches.Length, new ParallelOptions { CancellationToken = cancellationToken }, b =>
        {
            var first = b * PatientsPerBatch;
            var sent = Enumerable.Range(first, Math.Min(PatientsPerBatch, patients - first))
                .SelectMany(i => simulator.Simulate(population.GeneratePerson(i)));
            batches[b] = FeedRenderer.Render(source, sent, format);
        });
        return new BenchFeed(batches);
    }
}
