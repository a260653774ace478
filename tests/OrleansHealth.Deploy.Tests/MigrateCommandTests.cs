using OrleansHealth.Silo.Hosting;

namespace OrleansHealth.Deploy.Tests;

/// <summary>The schema step of compose and of the chart runs the command the silo binary really has.</summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public void ComposeAndChart_RunTheSameCommand()
    {
        var compose = Plain.List(ComposeFile.Default.Service("migrate"), "command");
        var job = Plain.Named(Plain.Maps(HelmChart.Default.Document("migration-job.yaml"), "spec", "template", "spec", "containers"), "migrate");

        Assert.Equal(["migrate"], compose);
        Assert.Equal(compose, Plain.List(job, "args"));
        Assert.False(Plain.Has(job, "command"), "the Job must keep the image's entry point and pass migrate as its argument");
    }

    [Fact]
    public async Task TheWordTheDeployFilesUse_IsTheSilosMigrateCommand()
    {
        var word = Plain.Text(Plain.List(ComposeFile.Default.Service("migrate"), "command")[0]);
        // An empty connection string makes `migrate` stop with its own message. Were the word not a
        // command, the silo would start instead and stop at the invalid Storage value with another one.
        var (exitCode, stderr) = await RunAsync(word, "--Storage=NotAMode", "--ConnectionStrings:Postgres=");

        Assert.Equal(SiloProgram.ConfigurationError, exitCode);
        Assert.Contains("migrate needs a connection string", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherWord_IsNotMigrate()
    {
        var (exitCode, stderr) = await RunAsync("migration", "--Storage=NotAMode", "--ConnectionStrings:Postgres=");

        Assert.Equal(SiloProgram.ConfigurationError, exitCode);
        Assert.DoesNotContain("migrate needs a connection string", stderr, StringComparison.Ordinal);
        Assert.Contains("Storage", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stderr)> RunAsync(params string[] args)
    {
        var original = Console.Error;
        using var captured = new StringWriter();
        Console.SetError(captured);
        try
        {
            var exitCode = await SiloProgram.RunAsync(args);
            return (exitCode, captured.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }
}
