using OrleansHealth.Synthetic.Population;
using OrleansHealth.Synthetic.Sources;

namespace OrleansHealth.Synthetic.Tests.Support;

/// <summary>Generators the tests share.</summary>
public static class Scenarios
{
    public static PopulationGenerator Population(int count, long seed = 11) =>
        new(new PopulationOptions { PatientCount = count, Seed = seed });

    public static SourceSimulator Sources(int count, long seed = 11, NoiseRates? noise = null, int sources = 3, double overlap = 0.5) =>
        new(Population(count, seed), new SourceSimulationOptions { SourceCount = sources, Overlap = overlap, Noise = noise ?? NoiseRates.Default });

    /// <summary>Finds the shared reference data folder (../shared/data from the repository root).</summary>
    public static string SharedDataFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "OrleansHealth.sln")))
            {
                return System.IO.Path.GetFullPath(System.IO.Path.Combine(directory.FullName, "..", "shared", "data"));
            }
        }

        throw new InvalidOperationException("The repository root (OrleansHealth.sln) is not above the test binaries.");
    }
}
