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

    /// <summary>
    /// How long a start may take before it is given up and tried once more on fresh ports. A start takes a few
    /// seconds; but Orleans' localhost membership has been seen to stay in <c>MembershipAgent.BecomeActive</c>
    /// for good (a dump of a CI run hung for 8 minutes, 2026-12-01: no thread busy, the silo's start awaiting
    /// BecomeActive), which held the whole test run until its session timeout.
    /// </summary>
    public static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);

    public static async Task<InProcessSilo> StartAsync(IDictionary<string, string?>? settings = null)
    {
        for (var attempt = 1; ; attempt++)
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
            var start = app.StartAsync();
            if (await Task.WhenAny(start, Task.Delay(StartDeadline)) == start)
            {
                await start;
                return new InProcessSilo(app, httpPort, values["Audit:Directory"]!);
            }

            // The stuck silo is left to itself: stopping it would wait on the same stuck start.
            Console.Error.WriteLine($"InProcessSilo: the silo on HTTP port {httpPort} did not start within {StartDeadline.TotalSeconds} s (attempt {attempt}).");
            if (attempt == 2)
            {
                throw new TimeoutException($"An in-process silo did not start within {StartDeadline.TotalSeconds} s, twice.");
            }
        }
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
