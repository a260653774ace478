using System.Diagnostics;
using OrleansHealth.Clinical.Formats.Fhir;
using OrleansHealth.Clinical.Formats.Tests.Support;
using Xunit.Abstractions;

namespace OrleansHealth.Clinical.Formats.Tests.Fhir;

/// <summary>
/// Reads the reference NDJSON files repeated to about 100,000 lines and reports resources per second
/// in the test output. It asserts what was read, never how fast: timings vary by machine and load.
/// </summary>
[Trait("Category", "Measurement")]
public sealed class NdjsonThroughputMeasurement(ITestOutputHelper output)
{
    private const int Copies = 49;

    [Fact]
    public async Task ReferenceFilesRepeated_ReadCompletely_AndReportTheRate()
    {
        var files = Directory.GetFiles(SharedData.Path("fhir-ndjson"), "*.ndjson").Order().ToList();
        var oneCopy = files.SelectMany(file => EnsureTrailingNewline(File.ReadAllBytes(file))).ToArray();
        var linesPerCopy = oneCopy.Count(b => b == (byte)'\n');
        await CountAsync(new GeneratedStream([], oneCopy, oneCopy.Length));

        var body = new GeneratedStream([], oneCopy, (long)oneCopy.Length * Copies);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var (facts, skipped, rejected) = await CountAsync(body);
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        Assert.Equal(2041, linesPerCopy);
        Assert.Equal(0, rejected);
        Assert.Equal(Copies * (13 + 555 + 1215 + 161 + 11), facts);
        Assert.Equal(Copies * (43 + 43), skipped);
        var resources = Copies * linesPerCopy;
        // CPU time says more than wall time on a shared machine; run this test alone for it to be this test's.
        output.WriteLine(
            $"{resources} NDJSON resources ({body.BytesRead / (1024 * 1024)} MiB) in {clock.Elapsed.TotalSeconds:F2} s wall, {cpu.TotalSeconds:F2} s CPU: " +
            $"{resources / clock.Elapsed.TotalSeconds:F0} resources/s wall, {resources / cpu.TotalSeconds:F0} resources per CPU-second");
    }

    private static async Task<(int Facts, int Skipped, int Rejected)> CountAsync(Stream body)
    {
        int facts = 0, skipped = 0, rejected = 0;
        await foreach (var item in new FhirNdjsonReader().ReadAsync(body))
        {
            switch (item)
            {
                case FactRead:
                    facts++;
                    break;
                case RecordSkipped:
                    skipped++;
                    break;
                default:
                    rejected++;
                    break;
            }
        }

        return (facts, skipped, rejected);
    }

    private static byte[] EnsureTrailingNewline(byte[] content) =>
        content.Length > 0 && content[^1] == (byte)'\n' ? content : [.. content, (byte)'\n'];
}
