using System.Diagnostics;
using System.Text.Json;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Synthetic.Outcomes;
using OrleansHealth.Synthetic.Population;
using OrleansHealth.Synthetic.Sources;

namespace OrleansHealth.Synthetic.Writing;

/// <summary>
/// Writes a whole dataset to a folder: <c>{source-id}/source.json</c> and
/// <c>{source-id}/{fhir|ndjson|csv}/…</c> for every source, and <c>truth/…</c>. Persons are generated
/// in parallel chunks and written in person order, each source's files by one thread, so the bytes
/// depend only on the seed and the options, and memory stays flat however many persons there are.
/// </summary>
public sealed class DatasetWriter
{
    private const int ChunkSize = 512;

    private readonly SourceSimulator simulator;

    public DatasetWriter(SourceSimulator simulator)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        this.simulator = simulator;
    }

    /// <summary>Writes the dataset under <paramref name="outputDirectory"/> (created when missing; files of the same name are replaced).</summary>
    public DatasetSummary Write(string outputDirectory, DatasetWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        options ??= new DatasetWriteOptions();
        options.Validate();
        var stopwatch = Stopwatch.StartNew();
        var root = Path.GetFullPath(outputDirectory);
        var target = new DirectoryTarget(root);
        var sources = simulator.Sources;
        var population = simulator.Population;

        var formats = sources.Select(s => FeedFolders.FormatsFor(s, options.Format)).ToArray();
        foreach (var source in sources)
        {
            WriteSourceJson(target, source, formats[source.Index]);
        }

        var sinks = sources
            .Select(s => formats[s.Index].Select(f => FeedFolders.CreateSink(target, $"{s.Id}/{FeedFolders.Of(f)}", f, options.PatientsPerBundle)).ToArray())
            .ToArray();
        var counts = new SourceCounts[sources.Count];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = new SourceCounts();
        }

        var treatments = new int[3];
        var outcomes = 0;
        try
        {
            using var truth = new TruthWriter(target, population.Options.IndexDate, sources);
            var persons = new SyntheticPerson[ChunkSize];
            var patients = new IReadOnlyList<SourcePatient>[ChunkSize];
            for (var start = 0; start < population.Count; start += ChunkSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var size = Math.Min(ChunkSize, population.Count - start);
                Parallel.For(0, size, j =>
                {
                    persons[j] = population.GeneratePerson(start + j);
                    patients[j] = simulator.Simulate(persons[j]);
                });

                // One task per source plus one for the truth: each writer sees its records in person order.
                Parallel.For(0, sources.Count + 1, s =>
                {
                    for (var j = 0; j < size; j++)
                    {
                        if (s == sources.Count)
                        {
                            truth.Write(persons[j], patients[j]);
                            continue;
                        }

                        foreach (var patient in patients[j])
                        {
                            if (patient.Source.Index != s)
                            {
                                continue;
                            }

                            counts[s].Add(patient);
                            foreach (var sink in sinks[s])
                            {
                                sink.Write(patient);
                            }
                        }
                    }
                });

                for (var j = 0; j < size; j++)
                {
                    treatments[(int)persons[j].Truth.Treatment]++;
                    outcomes += persons[j].Truth.Outcome ? 1 : 0;
                }
            }

            foreach (var sink in sinks.SelectMany(s => s))
            {
                sink.Complete();
            }
        }
        finally
        {
            foreach (var sink in sinks.SelectMany(s => s))
            {
                sink.Dispose();
            }
        }

        var summaries = sources.Select(s =>
        {
            var (files, bytes) = target.Measure(s.Id);
            var c = counts[s.Index];
            return new SourceSummary(
                s.Id, s.Name, s.TrustRank, [.. formats[s.Index].Select(SourceProfile.FormatName)], s.Units.ToString().ToLowerInvariant(),
                c.Patients, c.Resends, c.Encounters, c.Observations, c.Conditions, c.Medications, c.Procedures, files, bytes);
        }).ToArray();

        return new DatasetSummary(
            root,
            population.Options.Seed,
            population.Count,
            treatments[(int)Treatment.None],
            treatments[(int)Treatment.Metformin],
            treatments[(int)Treatment.Lifestyle],
            outcomes,
            summaries,
            stopwatch.Elapsed);
    }

    private static void WriteSourceJson(DirectoryTarget target, SourceProfile source, IReadOnlyList<FeedFormat> formats)
    {
        using var stream = target.Create($"{source.Id}/source.json");
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = FhirJson.WriterOptions.Encoder });
        writer.WriteStartObject();
        writer.WriteString("sourceId", source.Id);
        writer.WriteString("name", source.Name);
        writer.WriteString("format", source.RegistrationFormat);
        writer.WriteNumber("trustRank", source.TrustRank);
        writer.WriteString("mrnSystem", source.MrnSystem);
        writer.WriteBoolean("carriesSsn", source.CarriesSsn);
        writer.WriteString("units", source.Units.ToString().ToLowerInvariant());
        writer.WriteStartArray("written");
        foreach (var format in formats)
        {
            writer.WriteStartObject();
            writer.WriteString("format", SourceProfile.FormatName(format));
            writer.WriteString("folder", FeedFolders.Of(format));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Per-source tallies; each instance is touched by one thread only.</summary>
    private sealed class SourceCounts
    {
        public int Patients { get; private set; }

        public int Resends { get; private set; }

        public long Encounters { get; private set; }

        public long Observations { get; private set; }

        public long Conditions { get; private set; }

        public long Medications { get; private set; }

        public long Procedures { get; private set; }

        public void Add(SourcePatient patient)
        {
            Patients++;
            Resends += patient.SentTwice ? 1 : 0;
            Encounters += patient.Encounters.Count;
            foreach (var encounter in patient.Encounters)
            {
                Observations += encounter.Observations.Count;
                foreach (var item in encounter.Events)
                {
                    switch (item.Kind)
                    {
                        case EventKind.Condition:
                            Conditions++;
                            break;
                        case EventKind.Medication:
                            Medications++;
                            break;
                        default:
                            Procedures++;
                            break;
                    }
                }
            }
        }
    }
}
