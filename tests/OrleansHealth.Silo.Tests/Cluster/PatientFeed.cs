using System.Text;
using System.Text.Json;
using OrleansHealth.Synthetic.Population;
using OrleansHealth.Synthetic.Sources;
using OrleansHealth.Synthetic.Writing;

namespace OrleansHealth.Silo.Tests.Cluster;

/// <summary>
/// One generated patient as one source sends it over FHIR NDJSON: the Patient line first, then its
/// clinical records. No noise and one source, so every patient is a person of its own and no record is
/// sent twice: whatever a profile holds more or less than <see cref="RecordIds"/> is the system's doing.
/// </summary>
public sealed record PatientFeed(string LocalId, IReadOnlyList<string> Lines)
{
    /// <summary>The ids (<c>Type/id</c>) of the clinical records, the lines other than the Patient.</summary>
    public IReadOnlyList<string> RecordIds => [.. Lines.Select(RecordIdOf).Where(id => !id.StartsWith("Patient/", StringComparison.Ordinal))];

    public static IReadOnlyList<PatientFeed> Generate(int patients, int seed)
    {
        var simulator = new SourceSimulator(
            new PopulationGenerator(new PopulationOptions { PatientCount = patients, Seed = seed }),
            new SourceSimulationOptions { SourceCount = 1, Overlap = 0, Noise = NoiseRates.None, AlternativeUnitSources = 0 });
        var source = simulator.Sources.Single();
        return
        [
            .. simulator.Population.GenerateAll()
                .SelectMany(simulator.Simulate)
                .Select(patient => new PatientFeed(patient.LocalId, LinesOf(FeedRenderer.Render(source, [patient], FeedFormat.FhirNdjson)))),
        ];
    }

    /// <summary>Consecutive batches of at most <paramref name="size"/> lines; the first holds the Patient.</summary>
    public IEnumerable<IReadOnlyList<string>> Batches(int size) => Lines.Chunk(size);

    public static string Body(IEnumerable<string> lines) => string.Concat(lines.Select(line => line + "\n"));

    private static string RecordIdOf(string line)
    {
        using var json = JsonDocument.Parse(line);
        return $"{json.RootElement.GetProperty("resourceType").GetString()}/{json.RootElement.GetProperty("id").GetString()}";
    }

    private static List<string> LinesOf(IEnumerable<FeedDocument> documents) =>
    [
        .. documents
            .SelectMany(d => Encoding.UTF8.GetString(d.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .OrderBy(line => RecordIdOf(line).StartsWith("Patient/", StringComparison.Ordinal) ? 0 : 1),
    ];
}
