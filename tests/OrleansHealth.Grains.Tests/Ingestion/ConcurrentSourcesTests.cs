using OrleansHealth.Grains.Ingestion;
using OrleansHealth.Identity;
using OrleansHealth.Synthetic.Population;
using OrleansHealth.Synthetic.Sources;
using OrleansHealth.Synthetic.Writing;
using OrleansHealth.Clinical.Formats.Csv;
using OrleansHealth.Clinical.Formats.Fhir;
using OrleansHealth.Clinical.Reading;
using OrleansHealth.Sources;

namespace OrleansHealth.Grains.Tests.Ingestion;

/// <summary>
/// Three generated sources (FHIR bundles, NDJSON, Synthea CSV; overlapping people, noisy
/// demographics, duplicate sends, other units) ingested at the same time into the 3-silo cluster,
/// then checked against the generator's truth of who is who.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ConcurrentSourcesTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ThreeSourcesAtOnce_LinkLikeTheTruthAndRejectNothing()
    {
        var simulator = new SourceSimulator(new PopulationGenerator(new PopulationOptions { PatientCount = 120, Seed = 11 }), new SourceSimulationOptions());
        var harness = new IngestHarness(fixture, chunkSize: 500);
        var feeds = FeedRenderer.RenderAll(simulator);

        var reports = await Task.WhenAll(feeds.Select(async feed =>
        {
            var source = await harness.RegisterAsync($"gen-{feed.Source.Id}", feed.Source.TrustRank);
            var rejected = 0;
            foreach (var document in feed.Documents)
            {
                var report = await harness.Pipeline.IngestAsync(source, ReaderFor(document, source.SourceId), new MemoryStream(document.Content), CancellationToken.None);
                rejected += report.Rejected;
            }

            return rejected;
        }));

        Assert.Equal([0, 0, 0], reports);
        var truth = simulator.SimulateDemographics().Where(r => !r.IsResend).ToList();
        var assigned = await Task.WhenAll(truth.Select(r =>
            fixture.PatientOfAsync($"gen-{r.SourceId}", r.LocalId)));
        Assert.All(assigned, Assert.NotNull);

        var (precision, recall) = PairwiseQuality(truth.Select(r => r.PersonId).ToList(), assigned!);
        Assert.True(precision >= 0.99, $"precision {precision:F4}");
        Assert.True(recall >= 0.95, $"recall {recall:F4}");
    }

    private static IRecordReader ReaderFor(FeedDocument document, string sourceId) => document.ContentType switch
    {
        "application/fhir+json" => new FhirJsonReader(),
        "application/fhir+ndjson" => new FhirNdjsonReader(),
        _ => CsvFormats.TryCreateReader(document.CsvFormat, sourceId, null, null, out var reader)
            ? reader
            : throw new InvalidOperationException($"no reader for {document.Name}"),
    };

    /// <summary>Pairwise precision and recall of an assignment of records to patients against the true persons.</summary>
    private static (double Precision, double Recall) PairwiseQuality(IReadOnlyList<string> persons, IReadOnlyList<string?> patients)
    {
        long truePairs = 0, predictedPairs = 0, both = 0;
        for (var i = 0; i < persons.Count; i++)
        {
            for (var j = i + 1; j < persons.Count; j++)
            {
                var samePerson = persons[i] == persons[j];
                var samePatient = patients[i] == patients[j];
                truePairs += samePerson ? 1 : 0;
                predictedPairs += samePatient ? 1 : 0;
                both += samePerson && samePatient ? 1 : 0;
            }
        }

        return (predictedPairs == 0 ? 1 : (double)both / predictedPairs, truePairs == 0 ? 1 : (double)both / truePairs);
    }
}
