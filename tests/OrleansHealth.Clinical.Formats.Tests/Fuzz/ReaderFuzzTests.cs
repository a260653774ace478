using System.Diagnostics;
using System.Text;
using OrleansHealth.Clinical.Formats.Csv;
using OrleansHealth.Clinical.Formats.Fhir;
using OrleansHealth.Clinical.Formats.Tests.Support;
using OrleansHealth.TestSupport.Fuzz;
using Xunit.Abstractions;

namespace OrleansHealth.Clinical.Formats.Tests.Fuzz;

/// <summary>
/// Thousands of mutants of the real files in ../shared/data fed to every reader. A reader may reject a record
/// (with a reason) or refuse the whole body (<see cref="InputFormatException"/>, a 400 or 413 over HTTP), and
/// nothing else: any other exception would be a 500, and a read that hangs would hold a request forever.
/// Each format runs for a bounded time, so CI stays bounded however fast the machine is.
/// </summary>
public sealed class ReaderFuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(12);
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(10);
    private static readonly IngestLimits Limits = IngestLimits.Default with { MaxLineLength = 256 * 1024, MaxCsvFieldLength = 16 * 1024 };

    [Fact]
    public Task FhirNdjson() => FuzzAsync("fhir-ndjson", 3_000, () => new FhirNdjsonReader(Limits), NdjsonSeeds());

    [Fact]
    public Task FhirJson_SingleResources() => FuzzAsync("fhir-json resource", 3_000, () => new FhirJsonReader(Limits),
        NdjsonSeeds().SelectMany(body => Encoding.UTF8.GetString(body).Split('\n', StringSplitOptions.RemoveEmptyEntries)).Select(Encoding.UTF8.GetBytes).ToList());

    [Fact]
    public Task FhirJson_Bundles() => FuzzAsync("fhir-json bundle", 400, () => new FhirJsonReader(Limits),
        [.. Directory.GetFiles(SharedData.Path("fhir-bundles"), "*.json").Order().Select(File.ReadAllBytes)]);

    [Fact]
    public Task SyntheaCsv() => FuzzAsync("synthea csv", 3_000, SyntheaReaders(), SyntheaSeeds());

    [Fact]
    public Task TabularCsv() => FuzzAsync("tabular csv", 3_000, () => new TabularCsvReader("fuzz", limits: Limits),
        [.. new[] { "pima_diabetes.csv", "breast_cancer.csv" }.Select(f => Head(SharedData.Path("ml", f), 40))]);

    /// <summary>Mutants of <paramref name="seeds"/> until <paramref name="count"/> or the time budget; readers from <paramref name="reader"/>.</summary>
    private Task FuzzAsync(string format, int count, Func<IRecordReader> reader, IReadOnlyList<byte[]> seeds) =>
        FuzzAsync(format, count, seeds.Select(s => (reader, s)).ToList());

    private Task FuzzAsync(string format, int count, IReadOnlyList<Func<IRecordReader>> readers, IReadOnlyList<byte[]> seeds) =>
        FuzzAsync(format, count, readers.Zip(seeds).Select(p => (p.First, p.Second)).ToList());

    private async Task FuzzAsync(string format, int count, IReadOnlyList<(Func<IRecordReader> Reader, byte[] Seed)> seeds)
    {
        const int seed = 20261201;
        var mutator = new Mutator(seed);
        var failures = new List<string>();
        var (refused, rejected, read) = (0, 0, 0);
        var clock = Stopwatch.StartNew();
        var done = 0;
        for (; done < count && clock.Elapsed < Budget; done++)
        {
            var (reader, original) = seeds[done % seeds.Count];
            var mutant = mutator.Mutate(original);
            using var timeout = new CancellationTokenSource(PerInput);
            try
            {
                await foreach (var item in reader().ReadAsync(new MemoryStream(mutant), timeout.Token))
                {
                    switch (item)
                    {
                        case RecordRejected { Reason: var reason } when string.IsNullOrWhiteSpace(reason):
                            failures.Add($"#{done}: line {item.Line} rejected without a reason");
                            break;
                        case RecordRejected:
                            rejected++;
                            break;
                        case FactRead { Fact: null }:
                            failures.Add($"#{done}: line {item.Line} read as no fact");
                            break;
                        case FactRead:
                            read++;
                            break;
                    }
                }
            }
            catch (InputFormatException ex) when (!string.IsNullOrWhiteSpace(ex.Message))
            {
                refused++;
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                failures.Add($"#{done}: still reading after {PerInput.TotalSeconds} s; starts {Preview(mutant)}");
            }
            catch (Exception ex)
            {
                var at = string.Join(" < ", (ex.StackTrace ?? "").Split('\n').Take(3).Select(frame => frame.Trim()));
                failures.Add($"#{done}: {ex.GetType().Name}: {ex.Message} ({at}) — input starts {Preview(mutant)}");
            }
        }

        output.WriteLine($"{format}: {done} mutants in {clock.Elapsed.TotalSeconds:0.0} s (seed {seed}): {refused} bodies refused, {rejected} records rejected, {read} facts read");
        Assert.True(done >= Math.Min(count, 50), $"only {done} mutants ran within the budget");
        Assert.True(failures.Count == 0, $"{failures.Count} of {done} mutants broke the {format} reader:\n{string.Join('\n', failures.Take(8))}");
    }

    private static string Preview(byte[] input) => Encoding.UTF8.GetString(input, 0, Math.Min(input.Length, 160)).ReplaceLineEndings("⏎");

    /// <summary>Bodies of five lines from each NDJSON file.</summary>
    private static List<byte[]> NdjsonSeeds() =>
    [
        .. Directory.GetFiles(SharedData.Path("fhir-ndjson"), "*.ndjson").Order()
            .SelectMany(f => File.ReadLines(f).Take(30).Chunk(5))
            .Select(lines => Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n")),
    ];

    private static readonly (string File, SyntheaCsvKind Kind)[] SyntheaFiles =
    [
        ("patients", SyntheaCsvKind.Patients), ("observations", SyntheaCsvKind.Observations), ("conditions", SyntheaCsvKind.Conditions),
        ("medications", SyntheaCsvKind.Medications), ("encounters", SyntheaCsvKind.Encounters), ("procedures", SyntheaCsvKind.Procedures),
    ];

    private static List<byte[]> SyntheaSeeds() => [.. SyntheaFiles.Select(f => Head(SharedData.Synthea(f.File), 40))];

    private static List<Func<IRecordReader>> SyntheaReaders() =>
        [.. SyntheaFiles.Select(f => (Func<IRecordReader>)(() => new SyntheaCsvReader(f.Kind, Limits)))];

    private static byte[] Head(string path, int lines) => Encoding.UTF8.GetBytes(string.Join('\n', File.ReadLines(path).Take(lines)) + "\n");
}
