using System.ComponentModel;
using OrleansHealth.Cli.Connection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrleansHealth.Cli.Patients;

/// <summary><c>--patient ID --model M</c>: the options of predict, explain and treatments.</summary>
public sealed class PatientModelSettings : ClusterSettings
{
    [CommandOption("--patient <ID>")]
    [Description("The enterprise patient id (find it with a source's id: GET /api/patients?source=…&localId=…).")]
    public string? Patient { get; init; }

    [CommandOption("--model <MODEL>")]
    [Description("The model whose active version answers, e.g. diabetes-onset.")]
    public string? Model { get; init; }

    public string Path(string kind) => $"/api/patients/{Uri.EscapeDataString(Patient!)}/{kind}/{Uri.EscapeDataString(Model!)}";

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Patient) ? ValidationResult.Error("give --patient ID.")
        : string.IsNullOrWhiteSpace(Model) ? ValidationResult.Error("give --model MODEL.")
        : ValidationResult.Success();
}
