using OrleansHealth.Cluster;

namespace OrleansHealth.Grains.Cluster;

/// <summary>
/// One silo's recent reports (<see cref="ActivitySample"/>, cumulative counts) and the rates they imply. The current
/// rate is taken over the last <see cref="CurrentWindow"/> rather than the last interval alone, so a chart's headline
/// does not flicker with the reporting jitter; the series keeps every interval's own rate. A count lower than the one
/// before means the silo restarted and counts from zero again: the interval's increase is then the count itself.
/// </summary>
public sealed class ActivitySeries(int capacity = ActivitySeries.DefaultCapacity)
{
    /// <summary>Reports kept: ten minutes at the default interval of five seconds.</summary>
    public const int DefaultCapacity = 120;

    public static readonly TimeSpan CurrentWindow = TimeSpan.FromSeconds(30);

    private readonly List<ActivitySample> _samples = new(capacity);

    public ActivitySample? Last => _samples.Count == 0 ? null : _samples[^1];

    /// <summary>Adds a report; one not later than the last (a retried or reordered call) is ignored and false.</summary>
    public bool Add(ActivitySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (Last is { } last && sample.At <= last.At)
        {
            return false;
        }

        if (_samples.Count == capacity)
        {
            _samples.RemoveAt(0);
        }

        _samples.Add(sample);
        return true;
    }

    /// <summary>The rates over the reports of the last <see cref="CurrentWindow"/> (at least the last two); zero before there are two.</summary>
    public ActivityRate Current()
    {
        if (_samples.Count < 2)
        {
            return new ActivityRate(Last?.At ?? default, 0, 0);
        }

        var from = _samples.FindIndex(s => s.At >= _samples[^1].At - CurrentWindow);
        return Between(Math.Min(from, _samples.Count - 2), _samples.Count - 1);
    }

    /// <summary>Each interval's rates, oldest first, stamped with the interval's end.</summary>
    public IReadOnlyList<ActivityRate> Series() => [.. Enumerable.Range(1, Math.Max(0, _samples.Count - 1)).Select(i => Between(i - 1, i))];

    /// <summary>The silo as <see cref="IClusterActivityGrain.GetAsync"/> answers it; null before its first report.</summary>
    public SiloActivity? Describe()
    {
        if (Last is not { } last)
        {
            return null;
        }

        var current = Current();
        return new SiloActivity(last.Silo, last.Address, current.RecordsPerSecond, current.PredictionsPerSecond, last.Records, last.Predictions, last.At, Series());
    }

    private ActivityRate Between(int first, int last)
    {
        long records = 0, predictions = 0;
        for (var i = first + 1; i <= last; i++)
        {
            records += Increase(_samples[i - 1].Records, _samples[i].Records);
            predictions += Increase(_samples[i - 1].Predictions, _samples[i].Predictions);
        }

        var seconds = (_samples[last].At - _samples[first].At).TotalSeconds;
        return new ActivityRate(_samples[last].At, records / seconds, predictions / seconds);
    }

    private static long Increase(long before, long after) => after >= before ? after - before : after;
}
