using System.ComponentModel;
using OrleansHealth.Cli.Connection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrleansHealth.Cli.Bench;

/// <summary><c>ohealth bench predict --model M (--patient ID… | --patients-file FILE) [--requests N] [--concurrency C]</c>.</summary>
public sealed class BenchPredictSettings : ClusterSettings
{
    public const int MaxConcurrency = 256;

    [CommandOption("--model <MODEL>")]
    [Description("The model whose active version answers, e.g. diabetes-onset.")]
    public string? Model { get; init; }

    [CommandOption("--patient <ID>")]
    [Description("An enterprise patient id to ask about; repeat it for more. The requests go round the patients in turn.")]
    public string[] Patient { get; init; } = [];

    [CommandOption("--patients-file <FILE>")]
    [Description("Enterprise patient ids, one per line (blank lines are skipped), added to those of --patient.")]
    public string? PatientsFile { get; init; }

    [CommandOption("--requests <N>")]
    [Description("Prediction requests in all.")]
    [DefaultValue(2000)]
    public int Requests { get; init; } = 2000;

    [CommandOption("--concurrency <C>")]
    [Description("Requests in flight at once.")]
    [DefaultValue(8)]
    public int Concurrency { get; init; } = 8;

    /// <summary>The ids of --patient, then those of --patients-file; throws <see cref="ArgumentException"/> (exit 2) when there are none.</summary>
    public IReadOnlyList<string> PatientIds()
    {
        var ids = Patient.Select(p => p.Trim()).ToList();
        if (PatientsFile is not null)
        {
            ids.AddRange(File.ReadLines(PatientsFile).Select(l => l.Trim()));
        }

        ids.RemoveAll(string.IsNullOrEmpty);
        return ids.Count > 0 ? ids
            : throw new ArgumentException($"no patient ids{(PatientsFile is null ? "" : $" in {PatientsFile}")}: give --patient ID (repeatable) or --patients-file FILE with one id per line.");
    }

    public string Path(string patient) => $"/api/patients/{Uri.EscapeDataString(patient)}/predictions/{Uri.EscapeDataString(Model!)}";

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Model))
        {
            return ValidationResult.Error("give --model MODEL.");
        }

        if (Patient.Length == 0 && PatientsFile is null)
        {
            return ValidationResult.Error("give the patients to ask about: --patient ID (repeatable) or --patients-file FILE with one id per line.");
        }

        if (PatientsFile is not null && !File.Exists(PatientsFile))
        {
            return ValidationResult.Error($"no such file: {PatientsFile}");
        }

        if (Requests < 1)
        {
            return ValidationResult.Error($"--requests must be at least 1; it is {Requests}.");
        }

        return Concurrency is < 1 or > MaxConcurrency
            ? ValidationResult.Error($"--concurrency must be 1–{MaxConcurrency}; it is {Concurrency}.")
            : ValidationResult.Success();
    }
}
