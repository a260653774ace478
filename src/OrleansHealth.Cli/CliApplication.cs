using OrleansHealth.Cli.Generate;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrleansHealth.Cli;

/// <summary>
/// Builds the <c>ohealth</c> command app. Every failure becomes one line on the error writer and an
/// exit code (<see cref="ExitCodes"/>): 2 for a command line the user must fix, 1 for anything else.
/// Tests pass their own console and error writer.
/// </summary>
public static class CliApplication
{
    public static CommandApp Create(IAnsiConsole? console = null, TextWriter? error = null)
    {
        var errors = error ?? Console.Error;
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("ohealth");
            if (console is not null)
            {
                config.ConfigureConsole(console);
            }

            config.AddCommand<GenerateCommand>("generate")
                .WithDescription("Write a synthetic population with ground truth as the feeds of K sources.")
                .WithExample("generate", "--patients", "1000", "--sources", "3", "--seed", "42", "--out", "data/synthetic");

            config.SetExceptionHandler((exception, _) =>
            {
                var bad = exception is CommandParseException or CommandRuntimeException or ArgumentException;
                errors.WriteLine($"error: {OneLine(exception.Message)}");
                return bad ? ExitCodes.BadArguments : ExitCodes.Failure;
            });
        });
        return app;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
