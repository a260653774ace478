using System.Net;
using System.Text;
using System.Text.Json;

namespace OrleansHealth.Silo.Tests.Api;

/// <summary>Size limits answer 413 with a problem naming the limit, and the silo stays ready.</summary>
public sealed class IngestLimitsTests : IAsyncLifetime
{
    private InProcessSilo _silo = null!;

    public async Task InitializeAsync()
    {
        _silo = await InProcessSilo.StartAsync(new Dictionary<string, string?>
        {
            ["Ingest:Limits:MaxJsonBodyBytes"] = "2000",
            ["Ingest:Limits:MaxBundleEntries"] = "3",
            ["Ingest:Limits:MaxLineLength"] = "500",
        });
        using var put = await _silo.Http.PutAsync("/api/sources/limits", JsonContent.Create(new { name = "Limits", format = "fhir-json" }));
        put.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private async Task AssertTooLargeAsync(string body, string contentType, string detailFragment)
    {
        using var response = await _silo.Http.PostAsync("/api/sources/limits/records", new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.Contains(detailFragment, detail);
        using var ready = await _silo.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task BundleLargerThanTheBodyLimit_Is413()
    {
        var padding = new string('x', 3000);
        await AssertTooLargeAsync($$"""{"resourceType":"Patient","id":"big","name":[{"text":"{{padding}}"}]}""", "application/fhir+json", "2000");
    }

    [Fact]
    public async Task BundleWithTooManyEntries_Is413()
    {
        var entry = """{"resource":{"resourceType":"Organization","id":"o"}}""";
        await AssertTooLargeAsync($$"""{"resourceType":"Bundle","type":"batch","entry":[{{string.Join(',', Enumerable.Repeat(entry, 4))}}]}""",
            "application/fhir+json", "3");
    }

    [Fact]
    public async Task NdjsonLineLongerThanTheLimit_Is413()
    {
        var line = $$"""{"resourceType":"Patient","id":"long","name":[{"text":"{{new string('y', 800)}}"}]}""";
        await AssertTooLargeAsync(line, "application/fhir+ndjson", "500");
    }
}
