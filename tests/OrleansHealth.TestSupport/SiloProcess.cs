using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace OrleansHealth.TestSupport;

/// <summary>
/// A silo as its own operating-system process (<c>dotnet OrleansHealth.Silo.dll</c>), configured through
/// environment variables exactly as docker-compose and the Helm chart configure it.
/// </summary>
public sealed partial class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiloProcess(Process process, int httpPort)
    {
        _process = process;
        HttpPort = httpPort;
        Http = TestAuth.Client(new Uri($"http://127.0.0.1:{httpPort}"), TimeSpan.FromSeconds(10));
    }

    public int HttpPort { get; }

    public HttpClient Http { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts a silo with fresh ports; <paramref name="environment"/> adds or overrides settings.</summary>
    public static SiloProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var httpPort = environment.TryGetValue("Http__Port", out var configured) ? int.Parse(configured) : FreePort.Next();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(RepositoryPaths.SiloAssembly)!,
        };
        info.ArgumentList.Add(RepositoryPaths.SiloAssembly);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["Http__Port"] = httpPort.ToString();
        info.Environment["Cluster__SiloPort"] = FreePort.Next().ToString();
        info.Environment["Cluster__GatewayPort"] = FreePort.Next().ToString();
        info.Environment["DOTNET_gcServer"] = "0";
        // Tests bring their own data; the embedded demo population would only slow them down.
        info.Environment["Demo__Enabled"] = "false";
        foreach (var (key, value) in TestAuth.Environment)
        {
            info.Environment[key] = value;
        }

        // An embedded silo's audit files go to a folder of this test's, not the user's data folder.
        info.Environment["Audit__Directory"] = Path.Combine(Path.GetTempPath(), "oh-audit-processes");

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the silo process");
        var silo = new SiloProcess(process, httpPort);
        process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    public async Task WaitUntilReadyAsync(TimeSpan deadline)
    {
        await Eventually.ReturnsAsync(
            async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"the silo exited with {_process.ExitCode}: {Output}");
                }

                using var response = await Http.GetAsync("/health/ready");
                return response.IsSuccessStatusCode;
            },
            ready => ready,
            deadline,
            $"silo on HTTP port {HttpPort} to become ready");
    }

    public async Task<int> WaitForExitAsync(TimeSpan deadline)
    {
        using var cancel = new CancellationTokenSource(deadline);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process gets no chance to leave the cluster.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM: what Kubernetes and docker send first; the silo shuts down gracefully.</summary>
    public void Terminate()
    {
        if (!_process.HasExited)
        {
            _ = SendSignal(_process.Id, 15);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
