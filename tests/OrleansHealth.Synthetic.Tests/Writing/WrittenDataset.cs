using OrleansHealth.Synthetic.Sources;
using OrleansHealth.Synthetic.Tests.Support;
using OrleansHealth.Synthetic.Writing;

namespace OrleansHealth.Synthetic.Tests.Writing;

/// <summary>One dataset of 150 persons in every format, written once and read by many tests.</summary>
public sealed class WrittenDataset : IDisposable
{
    private readonly TempDirectory directory = new();

    public WrittenDataset()
    {
        Simulator = Scenarios.Sources(150, seed: 3, noise: NoiseRates.Default with { DuplicateSend = 0.1 });
        Summary = new DatasetWriter(Simulator).Write(directory.Path, new DatasetWriteOptions { Format = OutputFormat.All });
    }

    public SourceSimulator Simulator { get; }

    public DatasetSummary Summary { get; }

    public string Root => directory.Path;

    public string PathOf(params string[] parts) => directory.Combine(parts);

    public void Dispose() => directory.Dispose();
}
