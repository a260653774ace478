using Spectre.Console;

namespace OrleansHealth.Cli.Output;

/// <summary>The <c>--json</c> answer of a command: one document on one line.</summary>
public static class JsonOutput
{
    /// <summary>Writes through the raw writer: Spectre's renderer would wrap a long JSON line at the console width.</summary>
    public static void WriteJsonLine(this IAnsiConsole console, string json) => console.Profile.Out.Writer.WriteLine(json);
}
