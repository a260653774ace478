using System.ComponentModel;
using OrleansHealth.Cli.Connection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrleansHealth.Cli.Sources;

/// <summary><c>ohealth sources show ID</c>.</summary>
public class SourceSettings : ClusterSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The source's id, e.g. ehr-st-mary.")]
    public string SourceId { get; init; } = "";
}

/// <summary><c>ohealth sources add ID --name … --format … --trust …</c>.</summary>
public sealed class SourceAddSettings : SourceSettings
{
    [CommandOption("--name <NAME>")]
    [Description("A name people recognise (default: the id).")]
    public string? Name { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("What the feed sends: fhir-json, fhir-ndjson, csv.")]
    [DefaultValue("fhir-ndjson")]
    public string Format { get; init; } = "fhir-ndjson";

    [CommandOption("--trust <RANK>")]
    [Description("Trust rank 0–100: a conflict goes to the higher rank, then to the newer value.")]
    [DefaultValue(50)]
    public int Trust { get; init; } = 50;

    public override ValidationResult Validate() =>
        Trust is < 0 or > 100 ? ValidationResult.Error("--trust is 0 to 100.") : ValidationResult.Success();
}
