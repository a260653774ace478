using System.Text;
using Microsoft.Extensions.Options;
using OrleansHealth.Clinical.Formats.Csv;
using OrleansHealth.Clinical.Formats.Fhir;
using OrleansHealth.Clinical.Reading;
using OrleansHealth.Grains.Identity;
using OrleansHealth.Grains.Ingestion;
using OrleansHealth.Ingestion;
using OrleansHealth.Sources;

namespace OrleansHealth.Grains.Tests.Ingestion;

/// <summary>The real ingest pipeline against the shared 3-silo cluster; small chunks so chunking is exercised.</summary>
internal sealed class IngestHarness(ClusterFixture fixture, int chunkSize = 50)
{
    public IngestPipeline Pipeline { get; } = new(
        fixture.Grains,
        new GrainPatientResolver(fixture.Grains, fixture.Stores.IdentityClaims, fixture.Time),
        fixture.Time,
        Options.Create(new IngestOptions { ChunkSize = chunkSize }));

    public async Task<SourceDetails> RegisterAsync(string sourceId, int trustRank = 50, SourceFormat format = SourceFormat.FhirJson)
    {
        var grain = fixture.Grains.GetGrain<IDataSourceGrain>(sourceId);
        await grain.RegisterAsync(new SourceRegistration(sourceId, format, trustRank));
        return (await grain.GetAsync())!;
    }

    public Task<IngestReport> IngestAsync(SourceDetails source, IRecordReader reader, string body) =>
        Pipeline.IngestAsync(source, reader, new MemoryStream(Encoding.UTF8.GetBytes(body)), CancellationToken.None);

    public async Task<IngestReport> IngestFileAsync(SourceDetails source, IRecordReader reader, string path)
    {
        await using var file = File.OpenRead(path);
        return await Pipeline.IngestAsync(source, reader, file, CancellationToken.None);
    }

    public static IRecordReader Ndjson => new FhirNdjsonReader();

    public static IRecordReader Bundle => new FhirJsonReader();

    public static IRecordReader Synthea(SyntheaCsvKind kind) => new SyntheaCsvReader(kind);
}
