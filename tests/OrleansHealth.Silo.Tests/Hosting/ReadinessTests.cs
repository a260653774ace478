using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace OrleansHealth.Silo.Tests.Hosting;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_TurnsFalseAsSoonAsShutdownBegins_WhileLivenessStaysTrue()
    {
        await using var silo = await InProcessSilo.StartAsync();
        var health = silo.App.Services.GetRequiredService<HealthCheckService>();
        var before = await health.CheckHealthAsync(check => check.Tags.Contains("ready"));

        silo.App.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        var during = await health.CheckHealthAsync(check => check.Tags.Contains("ready"));
        var startup = await health.CheckHealthAsync(check => check.Tags.Contains("startup"));

        Assert.Equal(HealthStatus.Healthy, before.Status);
        Assert.Equal(HealthStatus.Unhealthy, during.Status);
        Assert.Equal("silo is shutting down", during.Entries.Single().Value.Description);
        Assert.Equal(HealthStatus.Healthy, startup.Status);
    }
}
