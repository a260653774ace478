using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using OrleansHealth.Silo.Hosting;

namespace OrleansHealth.Silo.Tests;

/// <summary>The real silo host (Kestrel, Orleans, the whole pipeline) inside the test process, on free ports.</summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private InProcessSilo(WebApplication app, int httpPort, string auditDirectory)
    {
        App = app;
        AuditDirectory = auditDirectory;
        Http = TestAuth.Client(new Uri($"http://127.0.0.1:{httpPort}"), TimeSpan.FromSeconds(30));
    }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    /// <summary>The embedded mode's audit files: a directory of this silo's own, removed with it unless the test chose one.</summary>
    public string AuditDirectory { get; }

    public static async Task<InProcessSilo> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var httpPort = FreePort.Next();
        var values = new Dictionary<string, string?>
        {
            ["Http:Port"] = httpPort.ToString(),
            ["Cluster:SiloPort"] = FreePort.Next().ToString(),
            ["Cluster:GatewayPort"] = FreePort.Next().ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Demo:Enabled"] = "false",
            ["Audit:Directory"] = Path.Combine(Path.GetTempPath(), $"oh-audit-{Guid.NewGuid():N}"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var app = await SiloApplication.BuildAsync([], configuration => configuration.AddInMemoryCollection(TestAuth.Settings).AddInMemoryCollection(values));
        await app.StartAsync();
        return new InProcessSilo(app, httpPort, values["Audit:Directory"]!);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (AuditDirectory.Contains("oh-audit-", StringComparison.Ordinal) && Directory.Exists(AuditDirectory))
        {
            Directory.Delete(AuditDirectory, recursive: true);
        }
    }
}
