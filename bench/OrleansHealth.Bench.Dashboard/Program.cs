using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrleansHealth.Bench.Common;
using OrleansHealth.Silo.Demo;
using OrleansHealth.TestSupport;

// Usage: dotnet run -c Release --project bench/OrleansHealth.Bench.Dashboard [-- PATIENTS RUNS]
var patients = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;

Console.WriteLine($"Starting an embedded silo with the {patients}-person demo…");
await using var silo = await EmbeddedSilo.StartAsync(new Dictionary<string, string?> { ["Demo:Enabled"] = "true", ["Demo:Patients"] = patients.ToString(CultureInfo.InvariantCulture) });
var demo = silo.Services.GetRequiredService<DemoLoader>();
await demo.Loaded;
var token = TestAuth.Token();

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
});

var pages = new (string Name, string Route)[]
{
    ("patients", $"/patients/{demo.SamplePatientId}"),
    ("models", "/models/diabetes-onset"),
    ("sources", "/sources"),
    ("cluster", "/cluster"),
};

Console.WriteLine($"""

    | page | cold p50 | cold max | warm p50 | warm max | requests | bytes (cold) |
    |---|---:|---:|---:|---:|---:|---:|
    """);
foreach (var (name, route) in pages)
{
    var url = $"{silo.BaseAddress}ui/#{route}?token={token}";
    var ready = $"main[data-ready='{name}'][aria-busy='false']";
    var cold = new List<double>();
    var warm = new List<double>();
    var (requests, bytes) = (0, 0L);
    for (var run = 0; run < runs; run++)
    {
        // Cold: a new context has an empty cache and session; warm: the same page loaded again, files cached.
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var sizes = new List<Task<RequestSizesResult>>();
        page.RequestFinished += (_, request) => sizes.Add(request.SizesAsync());
        cold.Add(await TimeAsync(page, () => page.GotoAsync(url), ready));
        if (run == 0)
        {
            requests = sizes.Count;
            bytes = (await Task.WhenAll(sizes)).Sum(s => (long)s.ResponseBodySize + s.ResponseHeadersSize);
        }

        warm.Add(await TimeAsync(page, () => page.ReloadAsync(), ready));
    }

    Console.WriteLine($"| {name} | {Median(cold):F0} ms | {cold.Max():F0} ms | {Median(warm):F0} ms | {warm.Max():F0} ms | {requests} | {bytes:N0} |");
}

// The reference: the Orleans runtime dashboard the same silo serves, until its load event (it then keeps polling).
var reference = new List<double>();
for (var run = 0; run < runs; run++)
{
    await using var context = await browser.NewContextAsync();
    var page = await context.NewPageAsync();
    var clock = Stopwatch.StartNew();
    await page.GotoAsync($"{silo.BaseAddress}dashboard?access_token={token}", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
    reference.Add(clock.Elapsed.TotalMilliseconds);
}

Console.WriteLine($"| Orleans dashboard (load event) | {Median(reference):F0} ms | {reference.Max():F0} ms | | | | |");
Console.WriteLine($"\n{runs} runs per page; times from navigation until the page rendered everything it asks the API for.");

static async Task<double> TimeAsync(IPage page, Func<Task> navigate, string ready)
{
    var clock = Stopwatch.StartNew();
    await navigate();
    await page.Locator(ready).WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
    return clock.Elapsed.TotalMilliseconds;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}
