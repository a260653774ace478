using OrleansHealth.Silo.Dashboard;
using OrleansHealth.Silo.Demo;

namespace OrleansHealth.Silo.Hosting;

/// <summary>
/// The last lines a person sees after <c>dotnet run</c>: where the dashboard is and one command to try. Printed
/// once the demo (when there is one) has loaded and its model is trained, so the link shows a patient's risk at once.
/// </summary>
public static class StartupHint
{
    /// <summary>
    /// Waits for the demo, then prints. A stop signal meanwhile (SIGTERM, Ctrl+C) ends the wait without a hint, so the
    /// caller goes on to the host's own shutdown at once instead of after the demo's training.
    /// </summary>
    public static async Task PrintWhenReadyAsync(WebApplication app, HostSettings settings, string? token)
    {
        var demo = app.Services.GetRequiredService<DemoLoader>();
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        try
        {
            await demo.Loaded.WaitAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return;
        }
        catch (Exception)
        {
            // The loader has logged why; the silo itself is up, so the hint is still worth printing.
        }

        Console.Out.WriteLine(Format(settings.HttpPort, token, demo.SamplePatientId));
    }

    /// <summary>The hint's text; the token goes in the URL fragment, which a browser never sends to a server.</summary>
    public static string Format(int port, string? token, string? samplePatient)
    {
        var page = samplePatient is null ? "/patients" : $"/patients/{samplePatient}";
        var url = $"http://localhost:{port}{DashboardEndpoints.Path}/#{page}" + (token is null ? "" : "?token=" + token);
        var example = samplePatient is null
            ? "dotnet run --project src/OrleansHealth.Cli -- sources list"
            : $"dotnet run --project src/OrleansHealth.Cli -- predict --patient {samplePatient} --model {DemoModel.Name}";
        var urlOption = port == 8080 ? "" : $" --url http://localhost:{port}";
        return $"""

            Ready. Open the dashboard{(token is null ? " (sign in with your token)" : "")}:
              {url}
            Or ask from a terminal{(token is null ? " (with OHEALTH_TOKEN set)" : " (with OHEALTH_TOKEN exported as above)")}:
              {example}{urlOption}
            """;
    }
}
