using OrleansHealth.Synthetic.Sources;

namespace OrleansHealth.Synthetic.Writing;

/// <summary>
/// Renders what sources send as in-memory documents, byte for byte what <see cref="DatasetWriter"/>
/// writes to files. Meant for small populations (a demo of a few hundred patients, tests): it holds
/// every document in memory.
/// </summary>
public static class FeedRenderer
{
    /// <summary>
    /// Every source of the simulator with its documents, each source in its preferred format (or in
    /// <paramref name="format"/> for all of them when given). The whole population is generated.
    /// </summary>
    public static IReadOnlyList<SourceFeed> RenderAll(SourceSimulator simulator, FeedFormat? format = null, int patientsPerBundle = 1)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        var persons = simulator.Population.GenerateAll();
        var bySource = simulator.Sources.Select(_ => new List<SourcePatient>()).ToArray();
        foreach (var person in persons)
        {
            foreach (var patient in simulator.Simulate(person))
            {
                bySource[patient.Source.Index].Add(patient);
            }
        }

        return [.. simulator.Sources.Select(s => new SourceFeed(s, Render(s, bySource[s.Index], format ?? s.PreferredFormat, patientsPerBundle)))];
    }

    /// <summary>The documents one source sends for these patients (all of that source, in the order given).</summary>
    public static IReadOnlyList<FeedDocument> Render(SourceProfile source, IEnumerable<SourcePatient> patients, FeedFormat format, int patientsPerBundle = 1)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(patients);
        new DatasetWriteOptions { PatientsPerBundle = patientsPerBundle }.Validate();
        var target = new MemoryTarget();
        var folder = FeedFolders.Of(format);
        using (var sink = FeedFolders.CreateSink(target, folder, format, patientsPerBundle))
        {
            foreach (var patient in patients)
            {
                if (patient.Source.Index != source.Index)
                {
                    throw new ArgumentException($"Patient {patient.LocalId} belongs to {patient.Source.Id}, not {source.Id}.", nameof(patients));
                }

                sink.Write(patient);
            }

            sink.Complete();
        }

        return [.. target.Documents.Select(d => Document(source, format, d.Path[(folder.Length + 1)..], d.Stream.ToArray()))];
    }

    private static FeedDocument Document(SourceProfile source, FeedFormat format, string name, byte[] content) => format switch
    {
        FeedFormat.FhirBundle => new FeedDocument(source.Id, format, name, "application/fhir+json", null, content),
        FeedFormat.FhirNdjson => new FeedDocument(source.Id, format, name, "application/fhir+ndjson", null, content),
        _ => new FeedDocument(source.Id, format, name, "text/csv", Array.Find(SyntheaCsvSink.Files, f => f.File == name).Format, content),
    };
}
