using OrleansHealth.Cli.Output;
using OrleansHealth.Synthetic.Population;
using OrleansHealth.Synthetic.Sources;
using OrleansHealth.Synthetic.Writing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrleansHealth.Cli.Generate;

/// <summary><c>ohealth generate</c>: writes a synthetic dataset and prints what it wrote.</summary>
public sealed class GenerateCommand(IAnsiConsole console) : Command<GenerateSettings>
{
    public override int Execute(CommandContext context, GenerateSettings settings, CancellationToken cancellationToken)
    {
        var output = Path.GetFullPath(settings.Out!);
        var population = new PopulationGenerator(new PopulationOptions { PatientCount = settings.Patients, Seed = settings.Seed });
        var simulator = new SourceSimulator(population, new SourceSimulationOptions
        {
            SourceCount = settings.Sources,
            Overlap = settings.Overlap,
            Noise = NoiseRates.AtLevel(settings.Noise),
        });

        if (settings.Force)
        {
            ClearPreviousOutput(output, simulator.Sources);
        }

        var summary = new DatasetWriter(simulator).Write(
            output,
            new DatasetWriteOptions { Format = settings.OutputFormat, PatientsPerBundle = settings.BundleSize },
            cancellationToken);

        if (settings.Json)
        {
            console.WriteJsonLine(GenerateSummaryView.ToJson(summary));
        }
        else
        {
            console.Write(GenerateSummaryView.ToTable(summary));
            var alternative = summary.Sources.Where(s => s.Units == "alternative").Select(s => s.SourceId).ToArray();
            if (alternative.Length > 0)
            {
                console.MarkupLineInterpolated($"In [[lb_av]], [[in_i]], mmol/L, [[degF]] and mmol/mol: {string.Join(", ", alternative)}.");
            }

            console.MarkupLineInterpolated($"{summary.Persons} persons, {summary.OutcomeRate:P1} with the outcome, written to {summary.OutputDirectory} in {summary.Elapsed.TotalSeconds:F1} s.");
        }

        return ExitCodes.Success;
    }

    /// <summary>With --force, the folders this run writes are emptied first so no stale file survives among fresh ones.</summary>
    private static void ClearPreviousOutput(string output, IReadOnlyList<SourceProfile> sources)
    {
        foreach (var folder in sources.Select(s => s.Id).Append("truth"))
        {
            var path = Path.Combine(output, folder);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }
}
