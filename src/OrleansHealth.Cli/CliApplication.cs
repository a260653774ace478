using OrleansHealth.Cli.Bench;
using OrleansHealth.Cli.Connection;
using OrleansHealth.Cli.Generate;
using OrleansHealth.Cli.Ingest;
using OrleansHealth.Cli.Models;
using OrleansHealth.Cli.Patients;
using OrleansHealth.Cli.Sources;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrleansHealth.Cli;

/// <summary>
/// Builds the <c>ohealth</c> command app. Every failure becomes one line on the error writer and an
/// exit code (<see cref="ExitCodes"/>): 2 for a command line the user must fix, 1 for anything else.
/// Tests pass their own console and error writer.
/// </summary>
public static class CliApplication
{
    public static CommandApp Create(IAnsiConsole? console = null, TextWriter? error = null)
    {
        var errors = error ?? Console.Error;
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("ohealth");
            if (console is not null)
            {
                config.ConfigureConsole(console);
            }

            config.AddCommand<GenerateCommand>("generate")
                .WithDescription("Write a synthetic population with ground truth as the feeds of K sources.")
                .WithExample("generate", "--patients", "1000", "--sources", "3", "--seed", "42", "--out", "data/synthetic");

            config.AddBranch("sources", sources =>
            {
                sources.SetDescription("Register and inspect upstream feeds.");
                sources.AddCommand<SourcesAddCommand>("add").WithDescription("Register a feed (or change its registration).")
                    .WithExample("sources", "add", "ehr-st-mary", "--name", "St Mary EHR", "--format", "fhir-ndjson", "--trust", "80");
                sources.AddCommand<SourcesListCommand>("list").WithDescription("Every feed with its counters and quality score.");
                sources.AddCommand<SourcesShowCommand>("show").WithDescription("One feed's counters, completeness per field and validity failures.");
            });
            config.AddBranch("models", models =>
            {
                models.SetDescription("Define, train and promote models.");
                models.AddCommand<ModelsDefineCommand>("define").WithDescription("Define or redefine a model from a JSON file (docs/models.md).")
                    .WithExample("models", "define", "pima-risk", "--file", "pima-risk.json");
                models.AddCommand<ModelsTrainCommand>("train").WithDescription("Train a version, following its shards live until it is done.")
                    .WithExample("models", "train", "pima-risk", "--trees", "200", "--shards", "4");
                models.AddCommand<ModelsStatusCommand>("status").WithDescription("A version's shards and held-out metrics (default: the latest version).");
                models.AddCommand<ModelsPromoteCommand>("promote").WithDescription("Make a version the active one (also to roll back).")
                    .WithExample("models", "promote", "pima-risk", "--version", "2");
            });
            config.AddCommand<IngestCommand>("ingest").WithDescription("Send files to a source: a progress bar with records/s, then what was accepted, duplicate or rejected.")
                .WithExample("ingest", "feeds/ehr-st-mary/*.ndjson", "--source", "ehr-st-mary");
            config.AddCommand<PredictCommand>("predict").WithDescription("A patient's risk from a model's active version, with its largest contributions.")
                .WithExample("predict", "--patient", "p-0f3a…", "--model", "diabetes-onset");
            config.AddCommand<ExplainCommand>("explain").WithDescription("Every input's contribution toward or against a patient's risk.");
            config.AddCommand<TreatmentsCommand>("treatments").WithDescription("A model's treatments ranked for a patient, with their uncertainty.");
            config.AddBranch("bench", bench =>
            {
                bench.SetDescription("Put load on a cluster and measure it: records/s for ingest, requests/s and latency percentiles for predictions.");
                bench.AddCommand<BenchIngestCommand>("ingest").WithDescription("Generate a synthetic feed in memory and send it to a source (registered if missing); records/s and what was accepted, duplicate or rejected.")
                    .WithExample("bench", "ingest", "--source", "bench-ehr", "--patients", "1000", "--concurrency", "2");
                bench.AddCommand<BenchPredictCommand>("predict").WithDescription("Ask a model for the given patients' predictions, C at a time; requests/s, errors by status and latency p50/p95/p99/max.")
                    .WithExample("bench", "predict", "--model", "diabetes-onset", "--patients-file", "patients.txt", "--requests", "2000", "--concurrency", "8");
            });

            config.SetExceptionHandler((exception, _) =>
            {
                errors.WriteLine($"error: {OneLine(exception.Message)}");
                return exception switch
                {
                    ClusterException cluster => cluster.ExitCode,
                    CommandParseException or CommandRuntimeException or ArgumentException => ExitCodes.BadArguments,
                    _ => ExitCodes.Failure,
                };
            });
        });
        return app;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
