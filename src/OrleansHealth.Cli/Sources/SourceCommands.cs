using System.Text.Json;
using OrleansHealth.Cli.Connection;
using OrleansHealth.Cli.Output;
using Spectre.Console;

namespace OrleansHealth.Cli.Sources;

/// <summary><c>ohealth sources add</c>: registers a feed, or changes its registration.</summary>
public sealed class SourcesAddCommand(IAnsiConsole console) : ClusterCommand<SourceAddSettings>(console)
{
    protected override Task<JsonElement> AskAsync(ClusterClient client, SourceAddSettings settings, CancellationToken cancellationToken) =>
        client.SendJsonAsync(HttpMethod.Put, $"/api/sources/{Uri.EscapeDataString(settings.SourceId)}",
            new { name = settings.Name ?? settings.SourceId, format = settings.Format, trustRank = settings.Trust }, cancellationToken);

    protected override void Show(JsonElement answer, SourceAddSettings settings) => Console.Write(SourceTables.Details(answer));
}

/// <summary><c>ohealth sources list</c>: every feed with its counters and quality score.</summary>
public sealed class SourcesListCommand(IAnsiConsole console) : ClusterCommand<ClusterSettings>(console)
{
    protected override Task<JsonElement> AskAsync(ClusterClient client, ClusterSettings settings, CancellationToken cancellationToken) =>
        client.GetAsync("/api/sources", cancellationToken);

    protected override void Show(JsonElement answer, ClusterSettings settings) => Console.Write(SourceTables.List(answer));
}

/// <summary><c>ohealth sources show</c>: one feed's registration, counters and data quality.</summary>
public sealed class SourcesShowCommand(IAnsiConsole console) : ClusterCommand<SourceSettings>(console)
{
    protected override Task<JsonElement> AskAsync(ClusterClient client, SourceSettings settings, CancellationToken cancellationToken) =>
        client.GetAsync($"/api/sources/{Uri.EscapeDataString(settings.SourceId)}", cancellationToken);

    protected override void Show(JsonElement answer, SourceSettings settings)
    {
        Console.Write(SourceTables.Details(answer));
        Console.Write(SourceTables.Completeness(answer));
    }
}
