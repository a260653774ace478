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

        // The caller's trace context (W3C traceparent) is adopted by the request, so the trace id is known.
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/sources/trace-probe")
        {
            Content = JsonContent.Create(new { name = "Trace probe", format = "csv" }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await fixture.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();

        var grainSpans = await Eventually.ReturnsAsync(
            () => Task.FromResult(seen.Where(a => a.TraceId == traceId).ToList()),
            spans => spans.Any(a => a.Source.Name == "Microsoft.AspNetCore")
                && spans.Any(a => a.DisplayName.Contains("AddAsync", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10),
            "the HTTP request and its grain calls in one trace");

        // DataSourceGrain.RegisterAsync and, from inside it, SourceDirectoryGrain.AddAsync: both in the request's trace.
        Assert.Contains(grainSpans, a => a.DisplayName.Contains("RegisterAsync", StringComparison.Ordinal));
        Assert.Contains(grainSpans, a => a.DisplayName.Contains("AddAsync", StringComparison.Ordinal));
    }
}
