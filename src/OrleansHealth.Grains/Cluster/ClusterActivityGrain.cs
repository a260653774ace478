using Microsoft.Extensions.DependencyInjection;
using OrleansHealth.Cluster;

namespace OrleansHealth.Grains.Cluster;

/// <summary>
/// Keeps each silo's recent reports in memory (no persistent state: the rates are live, and the silos' next
/// reports rebuild them after a reactivation). Silos are told apart by address, so a restarted silo (a new
/// generation) starts a series of its own; one silent for <see cref="ForgetAfter"/> is dropped.
/// </summary>
public sealed class ClusterActivityGrain([FromKeyedServices(HealthTime.Key)] TimeProvider time) : Grain, IClusterActivityGrain
{
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, Reporter> _silos = new(StringComparer.Ordinal);

    public Task ReportAsync(ActivitySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var now = time.GetUtcNow();
        if (!_silos.TryGetValue(sample.Address, out var silo))
        {
            _silos[sample.Address] = silo = new Reporter(new ActivitySeries());
        }

        silo.Series.Add(sample);
        silo.Heard = now;
        Forget(now);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SiloActivity>> GetAsync()
    {
        Forget(time.GetUtcNow());
        return Task.FromResult<IReadOnlyList<SiloActivity>>(
        [
            .. _silos.Values.Select(s => s.Series.Describe()).OfType<SiloActivity>()
                .OrderBy(s => s.Silo, StringComparer.Ordinal).ThenBy(s => s.Address, StringComparer.Ordinal),
        ]);
    }

    /// <summary>The clock is the grain's, not the silos': a silo with a skewed clock is still heard.</summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var address in _silos.Where(s => now - s.Value.Heard > ForgetAfter).Select(s => s.Key).ToList())
        {
            _silos.Remove(address);
        }
    }

    private sealed class Reporter(ActivitySeries series)
    {
        public ActivitySeries Series { get; } = series;

        public DateTimeOffset Heard { get; set; }
    }
}
