using System.Globalization;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Synthetic.Population;
using OrleansHealth.Synthetic.Randomness;

namespace OrleansHealth.Synthetic.Sources;

/// <summary>
/// Decides which sources know each person, under which local id and MRN, and what each source
/// records: noisy demographics (<see cref="SimulateDemographics()"/>, cheap) or the whole patient
/// with the visits that happened there (<see cref="Simulate"/>). Like the population, every result
/// depends only on the seed and the person's index. Thread-safe.
/// </summary>
public sealed class SourceSimulator
{
    // MRNs are 8 digits, unique per source: index × multiplier + offset is a bijection modulo 10^8
    // because the multiplier shares no factor with 10.
    private const ulong MrnSpace = 100_000_000;
    private const ulong MrnMultiplier = 48_271;

    private readonly SourceProfile[] sources;
    private readonly ulong[] mrnOffsets;
    private readonly long seed;

    /// <exception cref="ArgumentException">The options cannot work (see <see cref="SourceSimulationOptions.Validate"/>).</exception>
    public SourceSimulator(PopulationGenerator population, SourceSimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Population = population;
        Options = options;
        seed = population.Options.Seed;
        sources = SourceRoster.Build(seed, options);
        mrnOffsets = [.. sources.Select(s => DeterministicRandom.Hash(seed, RandomStream.Mrn, s.Index) % MrnSpace)];
    }

    public PopulationGenerator Population { get; }

    public SourceSimulationOptions Options { get; }

    public IReadOnlyList<SourceProfile> Sources => sources;

    /// <summary>The sources that know the person at <paramref name="personIndex"/>, in source order.</summary>
    public IReadOnlyList<SourceProfile> SourcesOf(int personIndex)
    {
        var random = DeterministicRandom.For(seed, RandomStream.Membership, personIndex);
        var most = Math.Min(Options.MaxSourcesPerPerson, sources.Length);
        var count = 1;
        while (count < most && random.Chance(Options.Overlap))
        {
            count++;
        }

        // A partial Fisher–Yates shuffle picks `count` distinct sources uniformly.
        Span<int> order = stackalloc int[sources.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        for (var i = 0; i < count; i++)
        {
            var j = i + random.NextInt(order.Length - i);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var chosen = order[..count].ToArray();
        Array.Sort(chosen);
        return [.. chosen.Select(i => sources[i])];
    }

    /// <summary>The person's local id in a source (a UUID of the source's own).</summary>
    public string LocalIdOf(int personIndex, SourceProfile source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return DeterministicRandom.For(seed, RandomStream.LocalIds, personIndex, source.Index).NextUuid();
    }

    /// <summary>The person's medical record number in a source (8 digits, unique within the source).</summary>
    public string MrnOf(int personIndex, SourceProfile source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var value = (((ulong)personIndex * MrnMultiplier) + mrnOffsets[source.Index]) % MrnSpace;
        return value.ToString("D8", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// What every source says about who its patients are, without clinical data or files: per
    /// source (in source order) its patients in person order, a duplicate send right after its
    /// original. Generated in parallel; once the code is warm a person costs about 3.5 µs of one
    /// core, so 100,000 persons × 3 sources take well under a second on an idle machine.
    /// </summary>
    public IReadOnlyList<SourceDemographicRecord> SimulateDemographics()
    {
        var perPerson = new IReadOnlyList<SourceDemographicRecord>[Population.Count];
        Parallel.For(0, Population.Count, index => perPerson[index] = SimulateDemographics(Population.GenerateIdentity(index)));

        var total = 0;
        foreach (var records in perPerson)
        {
            total += records.Count;
        }

        var result = new List<SourceDemographicRecord>(total);
        foreach (var source in sources)
        {
            foreach (var records in perPerson)
            {
                foreach (var record in records)
                {
                    if (string.Equals(record.SourceId, source.Id, StringComparison.Ordinal))
                    {
                        result.Add(record);
                    }
                }
            }
        }

        return result;
    }

    /// <summary>What each source that knows this person says about who they are.</summary>
    public IReadOnlyList<SourceDemographicRecord> SimulateDemographics(PersonIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var memberships = SourcesOf(identity.Index);
        var records = new List<SourceDemographicRecord>(memberships.Count + 1);
        foreach (var source in memberships)
        {
            var localId = LocalIdOf(identity.Index, source);
            var (demographics, sentTwice) = Noise(identity, source);
            records.Add(new SourceDemographicRecord(source.Id, localId, demographics, identity.PersonId, IsResend: false));
            if (sentTwice)
            {
                records.Add(new SourceDemographicRecord(source.Id, localId, demographics, identity.PersonId, IsResend: true));
            }
        }

        return records;
    }

    /// <summary>
    /// The person as each source that knows them holds them. Each visit happened at one of those
    /// sources (drawn uniformly), and so did what was recorded at it: measurements, conditions
    /// diagnosed there, the treatment given at the index visit.
    /// </summary>
    public IReadOnlyList<SourcePatient> Simulate(SyntheticPerson person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var memberships = SourcesOf(person.Index);
        var routing = DeterministicRandom.For(seed, RandomStream.VisitRouting, person.Index);
        var visitSource = new int[person.Visits.Count];
        for (var i = 0; i < visitSource.Length; i++)
        {
            visitSource[i] = memberships[routing.NextInt(memberships.Count)].Index;
        }

        var patients = new SourcePatient[memberships.Count];
        for (var m = 0; m < memberships.Count; m++)
        {
            var source = memberships[m];
            var (demographics, sentTwice) = Noise(person.Identity, source);
            var encounters = SourceRecordFactory.Encounters(person, source, visitSource, DeterministicRandom.For(seed, RandomStream.RecordIds, person.Index, source.Index));
            var lastUpdated = encounters.Count > 0
                ? encounters[^1].End
                : new DateTimeOffset(Population.Options.IndexDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            patients[m] = new SourcePatient(source, LocalIdOf(person.Index, source), person.PersonId, demographics, sentTwice, lastUpdated, encounters);
        }

        return patients;
    }

    private (Demographics Demographics, bool SentTwice) Noise(PersonIdentity identity, SourceProfile source) =>
        DemographicNoise.Apply(
            identity.Demographics,
            source,
            MrnOf(identity.Index, source),
            Options.Noise,
            DeterministicRandom.For(seed, RandomStream.Noise, identity.Index, source.Index));
}
