using System.Globalization;

namespace OrleansHealth.Bench.Identity;

/// <summary>Command-line settings: <c>--persons N --seed S --noise L --overlap O --em</c>.</summary>
internal sealed record BenchSettings(int Persons, long Seed, double NoiseLevel, double Overlap, bool EstimateModel)
{
    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings(Persons: 100_000, Seed: 1, NoiseLevel: 0.5, Overlap: 0.5, EstimateModel: false);
        for (var i = 0; i < args.Length; i++)
        {
            settings = args[i] switch
            {
                "--persons" => settings with { Persons = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--seed" => settings with { Seed = long.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--noise" => settings with { NoiseLevel = double.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--overlap" => settings with { Overlap = double.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--em" => settings with { EstimateModel = true },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. Use --persons N --seed S --noise 0..1 --overlap 0..1 --em."),
            };
        }

        return settings;
    }
}
