using System.ComponentModel;
using OrleansHealth.Cli.Connection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrleansHealth.Cli.Ingest;

/// <summary><c>ohealth ingest FILE… --source ID [--format F] [--id COLUMN]</c>.</summary>
public sealed class IngestSettings : ClusterSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("FHIR JSON (.json), FHIR NDJSON (.ndjson) or CSV files, sent in the order given.")]
    public string[] Files { get; init; } = [];

    [CommandOption("--source <ID>")]
    [Description("The registered source the records come from.")]
    public string? Source { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("fhir-json, fhir-ndjson, tabular or synthea-patients|observations|…; default: from the extension and Synthea's file names.")]
    public string? Format { get; init; }

    [CommandOption("--id <COLUMN>")]
    [Description("The patient id column of a tabular CSV.")]
    public string? IdColumn { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Source))
        {
            return ValidationResult.Error("give --source ID (register it first: ohealth sources add ID).");
        }

        var missing = Files.FirstOrDefault(f => !File.Exists(f));
        return missing is null ? ValidationResult.Success() : ValidationResult.Error($"no such file: {missing}");
    }
}
