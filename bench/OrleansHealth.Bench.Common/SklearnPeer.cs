using System.Diagnostics;
using System.Text;
using System.Text.Json;
using OrleansHealth.TestSupport;

namespace OrleansHealth.Bench.Common;

/// <summary>
/// Runs a scikit-learn peer script of <c>bench/peers/</c> with Debian's Python (the one that has
/// scikit-learn 1.2.1; the first <c>python3</c> on PATH may not) and reads the JSON line it prints.
/// </summary>
public static class SklearnPeer
{
    public const string Python = "/usr/bin/python3";

    /// <summary>Runs <c>bench/peers/{script}</c> with the arguments; returns its last JSON line.</summary>
    public static async Task<JsonElement> RunAsync(string script, params string[] arguments)
    {
        var path = Path.Combine(RepositoryPaths.Root, "bench", "peers", script);
        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(path);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {Python}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout;
        var errors = await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Python} {path} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output}\n{errors}");
        }

        var line = output.Split('\n').LastOrDefault(l => l.TrimStart().StartsWith('{'))
            ?? throw new InvalidOperationException($"the peer printed no JSON line:\n{output}\n{errors}");
        return JsonDocument.Parse(line).RootElement.Clone();
    }

    /// <summary>The peer's version line, for the report: Python and scikit-learn as installed.</summary>
    public static async Task<string> VersionAsync()
    {
        var info = new ProcessStartInfo(Python, ["-c", "import sys, sklearn, numpy; print(sys.version.split()[0], sklearn.__version__, numpy.__version__)"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(info)!;
        var text = (await process.StandardOutput.ReadToEndAsync()).Trim().Split(' ');
        await process.WaitForExitAsync();
        return text.Length == 3 ? $"Python {text[0]}, scikit-learn {text[1]}, NumPy {text[2]}" : string.Join(' ', text);
    }
}
