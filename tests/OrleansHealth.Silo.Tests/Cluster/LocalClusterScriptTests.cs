using System.Net;

namespace OrleansHealth.Silo.Tests.Cluster;

/// <summary>deploy/local/cluster.sh, end to end: up, status, down.</summary>
[Collection(SiloProcessCollection.Name)]
public sealed class LocalClusterScriptTests
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Up_StartsThreeSilosThatEachSeeThreeActive_AndDownRemovesEverything()
    {
        var state = Path.Combine(Path.GetTempPath(), $"ohealth-cluster-{Guid.NewGuid():N}");
        var script = Path.Combine(RepositoryPaths.Root, "deploy", "local", "cluster.sh");
        var environment = new Dictionary<string, string>
        {
            ["OHEALTH_CLUSTER_DIR"] = state,
            ["OHEALTH_SILO_DLL"] = RepositoryPaths.SiloAssembly,
            ["OHEALTH_HTTP_BASE"] = FreePort.Next().ToString(),
        };
        try
        {
            var upOutput = await ProcessRunner.RunAsync("bash", [script, "up", "3"], ScriptTimeout, environment);
            var status = await ProcessRunner.RunAsync("bash", [script, "status"], ScriptTimeout, environment);

            var lines = status.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(3, lines.Length);
            Assert.All(lines, line => Assert.EndsWith("sees 3 of 3 silos Active", line));
            Assert.Contains("migrate: applied", upOutput);

            // The script made a signing key for the silos; `token` signs with it, and nothing gets in without one.
            var api = new Uri($"http://127.0.0.1:{File.ReadAllText(Path.Combine(state, "silo-1.http")).Trim()}");
            using var anonymous = new HttpClient { BaseAddress = api };
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/sources")).StatusCode);
            var token = (await ProcessRunner.RunAsync("bash", [script, "token", "admin"], ScriptTimeout, environment)).Trim();
            using var admin = TestAuth.Client(api, token: token);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/sources")).StatusCode);
        }
        finally
        {
            await ProcessRunner.RunAsync("bash", [script, "down"], ScriptTimeout, environment);
        }

        Assert.False(Directory.Exists(state));
    }
}
