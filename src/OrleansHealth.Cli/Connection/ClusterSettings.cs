using System.ComponentModel;
using Spectre.Console.Cli;

namespace OrleansHealth.Cli.Connection;

/// <summary>The options every command that talks to a running cluster has.</summary>
public class ClusterSettings : CommandSettings
{
    public const string UrlVariable = "OHEALTH_URL";
    public const string TokenVariable = "OHEALTH_TOKEN";
    public const string DefaultUrl = "http://localhost:8080";

    [CommandOption("--url <URL>")]
    [Description("A silo's HTTP address (default: $OHEALTH_URL, else http://localhost:8080).")]
    public string? Url { get; init; }

    [CommandOption("--token <TOKEN>")]
    [Description("Bearer token (default: $OHEALTH_TOKEN; the embedded silo prints one at start).")]
    public string? Token { get; init; }

    [CommandOption("--json")]
    [Description("Print the cluster's JSON answer instead of tables, for scripts.")]
    public bool Json { get; init; }

    public Uri BaseAddress => new(Url ?? Environment.GetEnvironmentVariable(UrlVariable) ?? DefaultUrl);

    public string? BearerToken => Token ?? Environment.GetEnvironmentVariable(TokenVariable);
}
