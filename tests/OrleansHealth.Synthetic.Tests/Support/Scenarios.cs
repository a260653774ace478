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

    /// <summary>The shared reference data folder (see <see cref="OrleansHealth.TestSupport.RepositoryPaths.SharedData"/>).</summary>
    public static string SharedDataFolder() => OrleansHealth.TestSupport.RepositoryPaths.SharedData;
}
