using System.Diagnostics;

namespace OrleansHealth.TestSupport.Load;

/// <summary>
/// A multi-process cluster started with deploy/local/cluster.sh (PostgreSQL and N silo processes),
/// in a state folder of its own. For tests failure detection is tightened so a killed silo is
/// declared dead in seconds; a benchmark keeps the defaults (tight probes misfire under overload).
/// Everything else is as the script starts it for operators.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(4);

    private readonly string _state = Path.Combine(Path.GetTempPath(), $"ohealth-cluster-{Guid.NewGuid():N}");
    private readonly Dictionary<string, string> _environment;

    private LocalCluster(bool fastFailureDetection)
    {
        _environment = new Dictionary<string, string>
        {
            ["OHEALTH_CLUSTER_DIR"] = _state,
            ["OHEALTH_SILO_DLL"] = RepositoryPaths.SiloAssembly,
            ["OHEALTH_HTTP_BASE"] = FreePort.Next().ToString(),
            ["Logging__LogLevel__Default"] = "Warning",
            ["Demo__Enabled"] = "false",
        };
        foreach (var (key, value) in TestAuth.Environment)
        {
            _environment[key] = value!;
        }

        if (fastFailureDetection)
        {
            _environment["Cluster__Membership__ProbeTimeout"] = "00:00:01";
            _environment["Cluster__Membership__NumMissedProbesLimit"] = "2";
            _environment["Cluster__Membership__NumVotesForDeathDeclaration"] = "1";
            _environment["Cluster__Membership__TableRefreshTimeout"] = "00:00:02";
        }
    }

    public IReadOnlyList<Uri> Silos { get; private set; } = [];

    public static async Task<LocalCluster> UpAsync(int silos, bool fastFailureDetection = true)
    {
        var cluster = new LocalCluster(fastFailureDetection);
        try
        {
            await cluster.RunAsync("up", silos.ToString());
            cluster.Silos = [.. Enumerable.Range(1, silos).Select(i => new Uri($"http://127.0.0.1:{File.ReadAllText(cluster.StateFile(i, "http")).Trim()}"))];
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL to silo <paramref name="index"/> (1-based): no chance to leave the cluster.</summary>
    public void Kill(int index)
    {
        using var silo = Process.GetProcessById(int.Parse(File.ReadAllText(StateFile(index, "pid")).Trim()));
        silo.Kill();
        silo.WaitForExit(TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// The 1-based index of the silo an Orleans silo address (<c>S127.0.0.1:PORT:GENERATION</c>, as grain
    /// statuses report it) belongs to, by its silo port.
    /// </summary>
    public int IndexOf(string siloAddress)
    {
        var port = siloAddress.Split(':')[1];
        return Enumerable.Range(1, Silos.Count).Single(i => File.ReadAllText(StateFile(i, "silo-port")).Trim() == port);
    }

    /// <summary>Stops every silo and PostgreSQL, keeping the database and the ports (<c>cluster.sh stop</c>).</summary>
    public Task StopAsync() => RunAsync("stop");

    /// <summary>Starts the stopped cluster again on the same ports and data; returns once every silo sees all Active.</summary>
    public Task StartAsync() => RunAsync("start");

    /// <summary>PostgreSQL alone, the silos running: an outage (fast shutdown drops every open connection).</summary>
    public Task StopDatabaseAsync() => RunAsync("db", "stop");

    public Task StartDatabaseAsync() => RunAsync("db", "start");

    /// <summary>The warnings and errors the silos logged, for a failing test's message.</summary>
    public string Logs() => string.Join('\n', Enumerable.Range(1, Silos.Count)
        .Select(i => Path.Combine(_state, $"silo-{i}.log"))
        .Where(File.Exists)
        .Select(f => $"--- {Path.GetFileName(f)}\n{string.Join('\n', File.ReadLines(f).Where(l => l.StartsWith("fail", StringComparison.Ordinal) || l.StartsWith("warn", StringComparison.Ordinal) || l.StartsWith("      ", StringComparison.Ordinal)).Take(400))}"));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync("down");
        }
        catch (Exception)
        {
            // The state folder is temporary; a failing `down` must not hide the test's own result.
        }
    }

    private string StateFile(int silo, string kind) => Path.Combine(_state, $"silo-{silo}.{kind}");

    private Task<string> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("bash", [Path.Combine(RepositoryPaths.Root, "deploy", "local", "cluster.sh"), .. arguments], ScriptTimeout, _environment);
}
