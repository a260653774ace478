using System.Diagnostics;
using OrleansHealth.Clinical.Formats.Fhir;
using OrleansHealth.Clinical.Reading;

namespace OrleansHealth.Bench.Ingest;

/// <summary>The reader alone over the body: the ceiling any ingestion path is compared with.</summary>
internal static class ParseRate
{
    public static async Task<double> MeasureAsync(NdjsonCorpus corpus)
    {
        var stopwatch = Stopwatch.StartNew();
        var records = 0;
        await foreach (var item in new FhirNdjsonReader().ReadAsync(new MemoryStream(corpus.Body, writable: false)))
        {
            records += item is RecordRejected ? 0 : 1;
        }

        return records / stopwatch.Elapsed.TotalSeconds;
    }
}
