using System.Net;
using System.Text.Json;

namespace OrleansHealth.Silo.Tests.Api;

[Collection(EmbeddedSiloCollection.Name)]
public sealed class OperationalEndpointsTests(EmbeddedSiloFixture fixture)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health/startup")]
    public async Task Probe_ActiveSilo_IsHealthy(string path)
    {
        using var response = await fixture.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Cluster_EmbeddedMode_ListsOneActiveSiloThatIsItself()
    {
        using var document = JsonDocument.Parse(await fixture.Http.GetStringAsync("/api/cluster"));

        var silo = Assert.Single(document.RootElement.GetProperty("silos").EnumerateArray());
        Assert.Equal("Active", silo.GetProperty("status").GetString());
        Assert.True(silo.GetProperty("isSelf").GetBoolean());
        Assert.Equal("orleans-health", document.RootElement.GetProperty("clusterId").GetString());
        Assert.Contains(document.RootElement.GetProperty("grains").EnumerateArray(),
            g => g.GetProperty("grainType").GetString()!.Contains("ManagementGrain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_AfterARegistration_ExposesTheProjectMeterInPrometheusFormat()
    {
        using var put = await fixture.Http.PutAsync("/api/sources/metrics-probe",
            JsonContent.Create(new { name = "Metrics probe", format = "csv" }));
        put.EnsureSuccessStatusCode();

        var scrape = await Eventually.ReturnsAsync(
            () => fixture.Http.GetStringAsync("/metrics"),
            text => text.Contains("ohealth_sources_registrations", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20),
            "the registration counter in /metrics");

        Assert.Contains("# TYPE ohealth_sources_registrations", scrape);
        Assert.Contains("orleans_", scrape);
    }

    [Fact]
    public async Task OpenApi_DescribesTheApi()
    {
        using var document = JsonDocument.Parse(await fixture.Http.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/cluster", out _));
        Assert.True(paths.TryGetProperty("/api/sources/{sourceId}", out _));
    }

    [Fact]
    public async Task Dashboard_IsServedUnderItsPrefix()
    {
        using var response = await fixture.Http.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
