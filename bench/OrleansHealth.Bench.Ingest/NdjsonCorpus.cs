using OrleansHealth.Synthetic.Population;
using OrleansHealth.Synthetic.Sources;
using OrleansHealth.Synthetic.Writing;

namespace OrleansHealth.Bench.Ingest;

/// <summary>One generated source's whole NDJSON feed as a single body, Patient lines first.</summary>
internal sealed record NdjsonCorpus(byte[] Body, int Lines)
{
    public static NdjsonCorpus Generate(int patients, int seed)
    {
        var simulator = new SourceSimulator(
            new PopulationGenerator(new PopulationOptions { PatientCount = patients, Seed = seed }),
            new SourceSimulationOptions { SourceCount = 1, Overlap = 0 });
        var documents = FeedRenderer.RenderAll(simulator, FeedFormat.FhirNdjson).Single().Documents;
        using var body = new MemoryStream();
        foreach (var document in documents)
        {
            body.Write(document.Content);
            if (document.Content.Length > 0 && document.Content[^1] != (byte)'\n')
            {
                body.WriteByte((byte)'\n');
            }
        }

        var bytes = body.ToArray();
        return new NdjsonCorpus(bytes, bytes.Count(b => b == (byte)'\n'));
    }
}
