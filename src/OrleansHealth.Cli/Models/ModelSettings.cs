using System.ComponentModel;
using OrleansHealth.Cli.Connection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrleansHealth.Cli.Models;

/// <summary>A command about one model: <c>ohealth models … MODEL</c>.</summary>
public class ModelSettings : ClusterSettings
{
    [CommandArgument(0, "<MODEL>")]
    [Description("The model's name, e.g. diabetes-onset.")]
    public string Model { get; init; } = "";

    public string Path => $"/api/models/{Uri.EscapeDataString(Model)}";
}

/// <summary><c>ohealth models define MODEL --file definition.json</c>.</summary>
public sealed class ModelDefineSettings : ModelSettings
{
    [CommandOption("--file <FILE>")]
    [Description("The definition as JSON: features, outcome, indexDate, … (docs/models.md).")]
    public string? File { get; init; }

    public override ValidationResult Validate() =>
        File is null ? ValidationResult.Error("give --file definition.json.")
        : !System.IO.File.Exists(File) ? ValidationResult.Error($"no such file: {File}")
        : ValidationResult.Success();
}

/// <summary><c>ohealth models train MODEL [--trees N] [--shards S] [--seed X] [--learner L] [--no-wait]</c>.</summary>
public sealed class ModelTrainSettings : ModelSettings
{
    [CommandOption("--trees <N>")]
    [Description("Trees in all (default: the cluster's, 100).")]
    public int? Trees { get; init; }

    [CommandOption("--shards <S>")]
    [Description("Shards trained in parallel across the silos (default 2).")]
    public int? Shards { get; init; }

    [CommandOption("--seed <X>")]
    [Description("Same data and seed, same forest.")]
    public int? Seed { get; init; }

    [CommandOption("--learner <L>")]
    [Description("Classic or FastForest.")]
    public string? Learner { get; init; }

    [CommandOption("--max-depth <D>")]
    [Description("Deepest tree (Classic).")]
    public int? MaxDepth { get; init; }

    [CommandOption("--no-wait")]
    [Description("Start the training and return; follow it with `ohealth models status`.")]
    public bool NoWait { get; init; }

    public object Request() => new { trees = Trees, shards = Shards, seed = Seed, learner = Learner, maxDepth = MaxDepth };
}

/// <summary><c>ohealth models status MODEL [--version V]</c> and <c>ohealth models promote MODEL --version V</c>.</summary>
public sealed class ModelVersionSettings : ModelSettings
{
    [CommandOption("--version <V>")]
    [Description("The version (default for status: the latest).")]
    public int? Version { get; init; }
}
