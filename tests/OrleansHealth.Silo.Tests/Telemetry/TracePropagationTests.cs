using System.Collections.Concurrent;
using System.Diagnostics;

namespace OrleansHealth.Silo.Tests.Telemetry;

[Collection(EmbeddedSiloCollection.Name)]
public sealed class TracePropagationTests(EmbeddedSiloFixture fixture)
{
    [Fact]
    public async Task HttpRequest_ThatCallsGrains_IsOneTrace()
    {
        var seen = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = seen.Add,
        };
        ActivitySource.AddActivityListener(listener);

        using var response = await fixture.Http.PutAsync("/api/sources/trace-probe",
            JsonContent.Create(new { name = "Trace probe", format = "csv" }));
        response.EnsureSuccessStatusCode();

        var request = await Eventually.ReturnsAsync(
            () => Task.FromResult(seen.FirstOrDefault(a => a.Source.Name == "Microsoft.AspNetCore"
                && a.GetTagItem("url.path") as string == "/api/sources/trace-probe")),
            a => a is not null,
            TimeSpan.FromSeconds(10),
            "the HTTP request activity");
        var grainSpans = seen.Where(a => a.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)
            && a.TraceId == request!.TraceId).ToList();

        // DataSourceGrain.RegisterAsync and, from inside it, SourceDirectoryGrain.AddAsync: both in the request's trace.
        Assert.Contains(grainSpans, a => a.DisplayName.Contains("RegisterAsync", StringComparison.Ordinal));
        Assert.Contains(grainSpans, a => a.DisplayName.Contains("AddAsync", StringComparison.Ordinal));
    }
}
