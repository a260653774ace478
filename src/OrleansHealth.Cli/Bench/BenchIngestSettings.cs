using System.ComponentModel;
using OrleansHealth.Cli.Connection;
using OrleansHealth.Synthetic.Population;
using OrleansHealth.Synthetic.Sources;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrleansHealth.Cli.Bench;

/// <summary><c>ohealth bench ingest --source ID [--patients N] [--seed S] [--format F] [--concurrency C]</c>.</summary>
public sealed class BenchIngestSettings : ClusterSettings
{
    public const int MaxConcurrency = 64;

    /// <summary>The registration names of the formats (<c>fhir-json</c>, <c>fhir-ndjson</c>, <c>csv</c>): the same words as <c>sources add --format</c>.</summary>
    private static readonly Dictionary<string, FeedFormat> Formats =
        Enum.GetValues<FeedFormat>().ToDictionary(SourceProfile.FormatName, f => f, StringComparer.OrdinalIgnoreCase);

    [CommandOption("--source <ID>")]
    [Description("The source to send to; registered (same as `sources add ID --format F`) when the cluster does not know it.")]
    public string? Source { get; init; }

    [CommandOption("--patients <N>")]
    [Description("Persons in the synthetic population.")]
    [DefaultValue(1000)]
    public int Patients { get; init; } = 1000;

    [CommandOption("--seed <S>")]
    [Description("Same seed, same patients and local ids: a second run measures the duplicate path; another seed sends new patients.")]
    [DefaultValue(1L)]
    public long Seed { get; init; } = 1;

    [CommandOption("--format <FORMAT>")]
    [Description("fhir-ndjson, fhir-json (one Bundle per patient) or csv (Synthea CSV).")]
    [DefaultValue("fhir-ndjson")]
    public string Format { get; init; } = "fhir-ndjson";

    [CommandOption("--concurrency <C>")]
    [Description("Requests in flight at once.")]
    [DefaultValue(2)]
    public int Concurrency { get; init; } = 2;

    public FeedFormat FeedFormat => Formats[Format];

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Source))
        {
            return ValidationResult.Error("give --source ID.");
        }

        if (Patients is < 1 or > PopulationOptions.MaxPatientCount)
        {
            return ValidationResult.Error($"--patients must be 1–{PopulationOptions.MaxPatientCount}; it is {Patients}.");
        }

        if (!Formats.ContainsKey(Format))
        {
            return ValidationResult.Error($"--format must be one of {string.Join(", ", Formats.Keys)}; it is '{Format}'.");
        }

        return Concurrency is < 1 or > MaxConcurrency
            ? ValidationResult.Error($"--concurrency must be 1–{MaxConcurrency}; it is {Concurrency}.")
            : ValidationResult.Success();
    }
}
