using System.ComponentModel;
using OrleansHealth.Synthetic.Population;
using OrleansHealth.Synthetic.Sources;
using OrleansHealth.Synthetic.Writing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrleansHealth.Cli.Generate;

/// <summary>The options of <c>ohealth generate</c>.</summary>
public sealed class GenerateSettings : CommandSettings
{
    private static readonly Dictionary<string, OutputFormat> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mixed"] = OutputFormat.Mixed,
        ["fhir"] = OutputFormat.Fhir,
        ["ndjson"] = OutputFormat.Ndjson,
        ["csv"] = OutputFormat.Csv,
        ["all"] = OutputFormat.All,
    };

    [CommandOption("--patients <N>")]
    [Description("Number of persons.")]
    [DefaultValue(1000)]
    public int Patients { get; init; } = 1000;

    [CommandOption("--sources <K>")]
    [Description("Number of sources (1–64).")]
    [DefaultValue(3)]
    public int Sources { get; init; } = 3;

    [CommandOption("--seed <S>")]
    [Description("Same seed, same bytes.")]
    [DefaultValue(1L)]
    public long Seed { get; init; } = 1;

    [CommandOption("--out <DIR>")]
    [Description("Output folder: DIR/<source-id>/… and DIR/truth/…")]
    public string? Out { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("mixed (each source its own format), fhir, ndjson, csv or all.")]
    [DefaultValue("mixed")]
    public string Format { get; init; } = "mixed";

    [CommandOption("--noise <LEVEL>")]
    [Description("Noise level from 0 (clean) to 1 (heavy); 0.5 gives 10 % typos, 15 % nicknames, 5 % duplicates, ….")]
    [DefaultValue(0.5)]
    public double Noise { get; init; } = 0.5;

    [CommandOption("--overlap <P>")]
    [Description("Share of persons in two or more sources (0–1).")]
    [DefaultValue(0.5)]
    public double Overlap { get; init; } = 0.5;

    [CommandOption("--bundle-size <N>")]
    [Description("Patients per FHIR Bundle file.")]
    [DefaultValue(1)]
    public int BundleSize { get; init; } = 1;

    [CommandOption("--json")]
    [Description("Print the summary as JSON instead of a table.")]
    public bool Json { get; init; }

    [CommandOption("--force")]
    [Description("Write into a folder that is not empty (the source and truth folders are replaced).")]
    public bool Force { get; init; }

    public OutputFormat OutputFormat => Formats[Format];

    public override ValidationResult Validate()
    {
        if (Patients is < 1 or > PopulationOptions.MaxPatientCount)
        {
            return ValidationResult.Error($"--patients must be 1–{PopulationOptions.MaxPatientCount}; it is {Patients}.");
        }

        if (Sources is < 1 or > SourceSimulationOptions.MaxSourceCount)
        {
            return ValidationResult.Error($"--sources must be 1–{SourceSimulationOptions.MaxSourceCount}; it is {Sources}.");
        }

        if (string.IsNullOrWhiteSpace(Out))
        {
            return ValidationResult.Error("--out is required: the folder to write the dataset to.");
        }

        if (!Formats.ContainsKey(Format))
        {
            return ValidationResult.Error($"--format must be one of {string.Join(", ", Formats.Keys)}; it is '{Format}'.");
        }

        if (double.IsNaN(Noise) || Noise is < 0 or > 1)
        {
            return ValidationResult.Error($"--noise must be between 0 and 1; it is {Noise}.");
        }

        if (double.IsNaN(Overlap) || Overlap is < 0 or > 1)
        {
            return ValidationResult.Error($"--overlap must be between 0 and 1; it is {Overlap}.");
        }

        if (BundleSize is < 1 or > DatasetWriteOptions.MaxPatientsPerBundle)
        {
            return ValidationResult.Error($"--bundle-size must be 1–{DatasetWriteOptions.MaxPatientsPerBundle}; it is {BundleSize}.");
        }

        if (File.Exists(Out))
        {
            return ValidationResult.Error($"--out '{Out}' is a file; give a folder.");
        }

        if (!Force && Directory.Exists(Out) && Directory.EnumerateFileSystemEntries(Out).Any())
        {
            return ValidationResult.Error($"--out '{Out}' is not empty; choose an empty folder or add --force.");
        }

        return ValidationResult.Success();
    }
}
