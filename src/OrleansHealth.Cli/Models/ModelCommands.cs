using System.Text.Json;
using OrleansHealth.Cli.Connection;
using OrleansHealth.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrleansHealth.Cli.Models;

/// <summary><c>ohealth models define</c>: sends a definition file; the cluster lists every problem it finds.</summary>
public sealed class ModelsDefineCommand(IAnsiConsole console) : ClusterCommand<ModelDefineSettings>(console)
{
    protected override async Task<JsonElement> AskAsync(ClusterClient client, ModelDefineSettings settings, CancellationToken cancellationToken)
    {
        using var content = new StringContent(await File.ReadAllTextAsync(settings.File!, cancellationToken), System.Text.Encoding.UTF8, "application/json");
        return await client.SendAsync(new HttpRequestMessage(HttpMethod.Put, settings.Path) { Content = content }, cancellationToken);
    }

    protected override void Show(JsonElement answer, ModelDefineSettings settings) => Console.Write(ModelTables.Model(answer));
}

/// <summary><c>ohealth models status</c>: a version's shards and, once evaluated, its held-out metrics.</summary>
public sealed class ModelsStatusCommand(IAnsiConsole console) : ClusterCommand<ModelVersionSettings>(console)
{
    protected override async Task<JsonElement> AskAsync(ClusterClient client, ModelVersionSettings settings, CancellationToken cancellationToken)
    {
        var version = settings.Version ?? (await client.GetAsync(settings.Path, cancellationToken)).Items("versions").Select(v => (int?)v.GetProperty("version").GetInt32()).Max()
            ?? throw new ClusterException(ExitCodes.NotFound, $"the model '{settings.Model}' has no version yet; train one with `ohealth models train {settings.Model}`.");
        return await client.GetAsync($"{settings.Path}/versions/{version}", cancellationToken);
    }

    protected override void Show(JsonElement answer, ModelVersionSettings settings)
    {
        Console.Write(ModelTables.Shards(answer));
        Console.Write(ModelTables.Metrics(answer));
    }
}

/// <summary><c>ohealth models promote</c>: makes a version the active one (also to roll back).</summary>
public sealed class ModelsPromoteCommand(IAnsiConsole console) : ClusterCommand<ModelVersionSettings>(console)
{
    protected override Task<JsonElement> AskAsync(ClusterClient client, ModelVersionSettings settings, CancellationToken cancellationToken) =>
        settings.Version is { } version
            ? client.SendJsonAsync(HttpMethod.Post, $"{settings.Path}/versions/{version}/promote", null, cancellationToken)
            : throw new ArgumentException("give --version V.");

    protected override void Show(JsonElement answer, ModelVersionSettings settings) => Console.Write(ModelTables.Model(answer));
}

/// <summary>
/// <c>ohealth models train</c>: starts a version and, unless <c>--no-wait</c>, follows it with a live table of its
/// shards (which silo, how far, how long) until it completes, fails or is cancelled. Exit code 1 unless it completes.
/// </summary>
public sealed class ModelsTrainCommand(IAnsiConsole console) : AsyncCommand<ModelTrainSettings>
{
    private static readonly string[] Finished = ["Completed", "Failed", "Cancelled"];

    public override async Task<int> ExecuteAsync(CommandContext context, ModelTrainSettings settings, CancellationToken cancellationToken)
    {
        using var client = new ClusterClient(settings);
        var version = await client.SendJsonAsync(HttpMethod.Post, $"{settings.Path}/versions", settings.Request(), cancellationToken);
        var path = $"{settings.Path}/versions/{version.GetProperty("version").GetInt32()}";
        if (!settings.NoWait)
        {
            if (console.Profile.Capabilities.Interactive && !settings.Json)
            {
                await console.Live(ModelTables.Shards(version)).StartAsync(async live =>
                {
                    while (!Finished.Contains(version.Text("state")))
                    {
                        await Task.Delay(500, cancellationToken);
                        version = await client.GetAsync(path, cancellationToken);
                        live.UpdateTarget(ModelTables.Shards(version));
                    }
                });
            }
            else
            {
                while (!Finished.Contains(version.Text("state")))
                {
                    await Task.Delay(500, cancellationToken);
                    version = await client.GetAsync(path, cancellationToken);
                }
            }
        }

        if (settings.Json)
        {
            console.WriteJsonLine(version.GetRawText());
        }
        else
        {
            if (!console.Profile.Capabilities.Interactive || settings.NoWait)
            {
                console.Write(ModelTables.Shards(version));
            }

            if (version.Text("state") == "Completed")
            {
                console.Write(ModelTables.Metrics(version));
            }
        }

        return settings.NoWait || version.Text("state") == "Completed" ? ExitCodes.Success : ExitCodes.Failure;
    }
}
