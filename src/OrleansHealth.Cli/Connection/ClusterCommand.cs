using System.Text.Json;
using OrleansHealth.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrleansHealth.Cli.Connection;

/// <summary>
/// A command that asks the cluster once and shows the answer: as tables on a terminal, or as the cluster's own
/// JSON with <c>--json</c>. Failures are <see cref="ClusterException"/>s, which the app turns into an exit code.
/// </summary>
public abstract class ClusterCommand<TSettings>(IAnsiConsole console) : AsyncCommand<TSettings>
    where TSettings : ClusterSettings
{
    protected IAnsiConsole Console => console;

    public override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        using var client = new ClusterClient(settings);
        var answer = await AskAsync(client, settings, cancellationToken);
        if (settings.Json)
        {
            console.WriteJsonLine(answer.GetRawText());
        }
        else
        {
            Show(answer, settings);
        }

        return ExitCodes.Success;
    }

    protected abstract Task<JsonElement> AskAsync(ClusterClient client, TSettings settings, CancellationToken cancellationToken);

    protected abstract void Show(JsonElement answer, TSettings settings);
}
