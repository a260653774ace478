using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrleansHealth.Silo.Demo;
using OrleansHealth.Silo.Tests;

namespace OrleansHealth.Dashboard.Tests;

/// <summary>
/// One silo with the demo population (its model trained and promoted) and one headless Chromium, shared by the
/// dashboard tests: starting either takes seconds, and the pages only read, except the promotion test, which
/// puts the active version back when it is done.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; Playwright drives it instead of downloading a browser of its own.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly Dictionary<IPage, List<string>> _scriptErrors = [];
    private IPlaywright? _playwright;

    public InProcessSilo Silo { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>A demo patient several sources know, so the profile shows merged provenance.</summary>
    public string SamplePatient { get; private set; } = "";

    /// <summary>Where each page's screenshot is kept (the test run's artifacts).</summary>
    public string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "TestResults", "dashboard")).FullName;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: apt-get install chromium (.ci/run does).");
        Silo = await InProcessSilo.StartAsync(new Dictionary<string, string?> { ["Demo:Enabled"] = "true", ["Demo:Patients"] = "300" });
        var demo = Silo.App.Services.GetRequiredService<DemoLoader>();
        await demo.Loaded.WaitAsync(TimeSpan.FromMinutes(4));
        SamplePatient = demo.SamplePatientId ?? throw new InvalidOperationException("The demo found no patient known to two sources.");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // No sandbox: CI runs as root. The rest keeps Chromium from reaching for the network or a GPU.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }
    }

    /// <summary>A fresh page signed in with <paramref name="token"/> (default: every role), opened at <paramref name="route"/>.</summary>
    public async Task<IPage> OpenAsync(string route, string? token = null)
    {
        // One page at a time (the collection's tests run one after another): an earlier page, say the cluster
        // page refreshing every few seconds, must not keep asking the silo during the next test.
        foreach (var earlier in _scriptErrors.Keys.Where(p => !p.IsClosed))
        {
            await earlier.CloseAsync();
        }

        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1300, Height = 1000 } });
        var errors = new List<string>();
        _scriptErrors[page] = errors;
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync($"{Silo.Http.BaseAddress}ui/#{route}?token={token ?? TestAuth.Token()}");
        return page;
    }

    /// <summary>Waits until the page named <paramref name="name"/> has rendered from the API.</summary>
    public static Task ReadyAsync(IPage page, string name) =>
        page.Locator($"main[data-ready='{name}'][aria-busy='false']").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

    /// <summary>An uncaught script error fails the test even when the page happens to look right.</summary>
    public void AssertNoScriptErrors(IPage page) => Assert.Empty(_scriptErrors[page]);

    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name}.png"), FullPage = true });
}
