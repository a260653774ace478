using System.Text.Json;
using OrleansHealth.Cli;
using OrleansHealth.Synthetic.Tests.Support;
using Spectre.Console;

namespace OrleansHealth.Synthetic.Tests.Cli;

public sealed class GenerateCommandTests
{
    [Fact]
    public async Task Generate_ValidArguments_WritesTheDatasetPrintsATableAndExitsZero()
    {
        using var directory = new TempDirectory();
        var output = directory.Combine("out");

        var run = await RunAsync("generate", "--patients", "40", "--sources", "3", "--seed", "5", "--out", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Contains("ehr-st-mary", run.Output, StringComparison.Ordinal);
        Assert.Contains("40 persons", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "ehr-st-mary", "fhir", "bundle-000001.json")));
        Assert.True(File.Exists(Path.Combine(output, "lab-northside", "ndjson", "Patient.ndjson")));
        Assert.True(File.Exists(Path.Combine(output, "clinic-riverside", "csv", "patients.csv")));
        Assert.Equal(41, File.ReadLines(Path.Combine(output, "truth", "outcomes.csv")).Count());
    }

    [Fact]
    public async Task Generate_Json_PrintsAMachineReadableSummary()
    {
        using var directory = new TempDirectory();
        var output = directory.Combine("out");

        var run = await RunAsync("generate", "--patients", "25", "--sources", "2", "--seed", "5", "--out", output, "--format", "ndjson", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(25, json.RootElement.GetProperty("persons").GetInt32());
        Assert.Equal(5, json.RootElement.GetProperty("seed").GetInt64());
        var sources = json.RootElement.GetProperty("sources").EnumerateArray().ToArray();
        Assert.Equal(["ehr-st-mary", "lab-northside"], sources.Select(s => s.GetProperty("sourceId").GetString()));
        Assert.All(sources, s => Assert.Equal("fhir-ndjson", s.GetProperty("formats")[0].GetString()));
        Assert.True(Directory.Exists(Path.Combine(output, "ehr-st-mary", "ndjson")));
        Assert.False(Directory.Exists(Path.Combine(output, "ehr-st-mary", "fhir")));
    }

    [Fact]
    public async Task Generate_SameSeedTwice_SameFiles()
    {
        using var directory = new TempDirectory();

        await RunAsync("generate", "--patients", "30", "--seed", "8", "--out", directory.Combine("a"), "--format", "all", "--noise", "1");
        await RunAsync("generate", "--patients", "30", "--seed", "8", "--out", directory.Combine("b"), "--format", "all", "--noise", "1");

        var a = Directory.GetFiles(directory.Combine("a"), "*", SearchOption.AllDirectories).Order().ToArray();
        var b = Directory.GetFiles(directory.Combine("b"), "*", SearchOption.AllDirectories).Order().ToArray();
        Assert.Equal(a.Select(f => Path.GetRelativePath(directory.Combine("a"), f)), b.Select(f => Path.GetRelativePath(directory.Combine("b"), f)));
        Assert.All(a.Zip(b), pair => Assert.Equal(File.ReadAllBytes(pair.First), File.ReadAllBytes(pair.Second)));
    }

    [Theory]
    [InlineData("--patients 0", "--patients must be 1–10000000; it is 0.")]
    [InlineData("--sources 65", "--sources must be 1–64; it is 65.")]
    [InlineData("--noise 1.5", "--noise must be between 0 and 1; it is 1.5.")]
    [InlineData("--overlap -0.1", "--overlap must be between 0 and 1; it is -0.1.")]
    [InlineData("--format xml", "--format must be one of mixed, fhir, ndjson, csv, all; it is 'xml'.")]
    [InlineData("--bundle-size 0", "--bundle-size must be 1–10000; it is 0.")]
    public async Task Generate_ValueOutOfRange_ExitsTwoWithOneLine(string arguments, string message)
    {
        using var directory = new TempDirectory();

        var run = await RunAsync(["generate", "--out", directory.Combine("out"), .. arguments.Split(' ')]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {message}\n", run.Error.ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(directory.Combine("out")));
    }

    [Fact]
    public async Task Generate_NoOut_ExitsTwo()
    {
        var run = await RunAsync("generate", "--patients", "5");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --out is required: the folder to write the dataset to.\n", run.Error.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("generate --bogus")]
    [InlineData("generate --patients many --out x")]
    [InlineData("generat")]
    public async Task UnparsableCommandLine_ExitsTwoWithOneLine(string arguments)
    {
        var run = await RunAsync(arguments.Split(' '));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Generate_OutNotEmpty_ExitsTwoUnlessForced()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.Combine("keep.txt"), "x");

        var refused = await RunAsync("generate", "--patients", "5", "--out", directory.Path);
        var forced = await RunAsync("generate", "--patients", "5", "--out", directory.Path, "--force");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("is not empty", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, forced.ExitCode);
        Assert.True(File.Exists(directory.Combine("keep.txt")));
        Assert.True(File.Exists(directory.Combine("truth", "identity.csv")));
    }

    [Fact]
    public async Task Generate_OutputCannotBeCreated_ExitsOneWithOneLine()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.Combine("file"), "x");

        var run = await RunAsync("generate", "--patients", "5", "--out", directory.Combine("file", "below"));

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        var exitCode = await CliApplication.Create(console, error).RunAsync(arguments);
        return (exitCode, output.ToString(), error.ToString());
    }
}
