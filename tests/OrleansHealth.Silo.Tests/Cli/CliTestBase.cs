namespace OrleansHealth.Silo.Tests.Cli;

/// <summary>
/// What every test of the <c>ohealth</c> binary needs: a silo of its own to talk to, a scratch folder for the
/// files it writes or reads, and a way to run the binary with an operator's token.
/// </summary>
public abstract class CliTestBase(string folderPrefix) : IAsyncLifetime
{
    protected InProcessSilo Silo { get; private set; } = null!;
    protected string Folder { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Silo = await InProcessSilo.StartAsync();
        Folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"{folderPrefix}-{Guid.NewGuid():N}")).FullName;
    }

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Asserts success, showing what the command printed when it did not succeed.</summary>
    protected static void Ok(OhealthProcess.Result result) =>
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\n{result.Out}\n{result.Error}");

    protected Task<OhealthProcess.Result> Ohealth(params string[] arguments) =>
        OhealthProcess.RunAsync(Silo.Http.BaseAddress!, TestAuth.Token(), arguments);
}
