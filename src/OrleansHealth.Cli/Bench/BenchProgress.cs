using Spectre.Console;

namespace OrleansHealth.Cli.Bench;

/// <summary>
/// A progress bar while a bench runs, on a terminal only: with <c>--json</c> or redirected output nothing is drawn,
/// so a script reads one JSON document and nothing else.
/// </summary>
public static class BenchProgress
{
    /// <summary>Runs <paramref name="work"/>, which reports each finished unit of <paramref name="total"/> through the action it is given (from any thread).</summary>
    public static async Task RunAsync(IAnsiConsole console, bool json, string description, int total, Func<Action, Task> work)
    {
        if (json || !console.Profile.Capabilities.Interactive)
        {
            await work(() => { });
            return;
        }

        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(Markup.Escape(description), maxValue: Math.Max(1, total));
                // ProgressTask.Increment takes the task's lock, so concurrent requests may all report.
                await work(() => task.Increment(1));
                task.StopTask();
            });
    }
}
