using System.Text;
using System.Text.Json;
using OrleansHealth.Synthetic.Population;
using OrleansHealth.Synthetic.Sources;
using OrleansHealth.Synthetic.Writing;

namespace OrleansHealth.TestSupport.Load;

/// <summary>
/// One generated feed cut into NDJSON requests of a few lines each, in feed order (Patient lines
/// first), with what each request asserts: the patient each line is about and its record id, so
/// that a request's acknowledgement can later be checked against the profiles.
/// </summary>
public sealed class FeedScript
{
    private FeedScript(string sourceId, IReadOnlyList<FeedRequest> requests)
    {
        SourceId = sourceId;
        Requests = requests;
    }

    public string SourceId { get; }

    public IReadOnlyList<FeedRequest> Requests { get; }

    public static FeedScript Generate(string sourceId, int patients, int seed, int linesPerRequest)
    {
        var simulator = new SourceSimulator(
            new PopulationGenerator(new PopulationOptions { PatientCount = patients, Seed = seed }),
            new SourceSimulationOptions { SourceCount = 1, Overlap = 0 });
        var lines = FeedRenderer.RenderAll(simulator, FeedFormat.FhirNdjson).Single().Documents
            .SelectMany(d => Encoding.UTF8.GetString(d.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        var requests = lines.Chunk(linesPerRequest)
            .Select(chunk => new FeedRequest(string.Join('\n', chunk) + "\n", [.. chunk.Select(Describe)]))
            .ToList();
        return new FeedScript(sourceId, requests);
    }

    /// <summary>(local patient id, record id) of one line: a Patient is about itself, the rest about their subject.</summary>
    private static FeedRecord Describe(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var type = root.GetProperty("resourceType").GetString()!;
        var id = root.GetProperty("id").GetString()!;
        var patient = type == "Patient" ? id : root.GetProperty("subject").GetProperty("reference").GetString()!["Patient/".Length..];
        return new FeedRecord(patient, $"{type}/{id}");
    }
}

public sealed record FeedRequest(string Body, IReadOnlyList<FeedRecord> Records);

public sealed record FeedRecord(string LocalPatientId, string RecordId)
{
    public bool IsPatient => RecordId.StartsWith("Patient/", StringComparison.Ordinal);
}
