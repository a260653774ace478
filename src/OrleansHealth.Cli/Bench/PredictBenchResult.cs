namespace OrleansHealth.Cli.Bench;

/// <summary>
/// What <c>ohealth bench predict</c> measured. <see cref="ErrorsByStatus"/> counts the failed requests by HTTP
/// status ("unreachable" when no answer came back). <see cref="Latency"/> covers the answered predictions only, so
/// a burst of fast 404s cannot flatter it; it is null when none was answered.
/// </summary>
public sealed record PredictBenchResult(
    string Model,
    int Patients,
    int Concurrency,
    int Requests,
    IReadOnlyDictionary<string, int> ErrorsByStatus,
    TimeSpan Wall,
    Percentiles? Latency)
{
    public int Errors => ErrorsByStatus.Values.Sum();

    public int Succeeded => Requests - Errors;

    /// <summary>Every request the run sent, answered or not, per second of wall time.</summary>
    public double RequestsPerSecond => Requests / Math.Max(Wall.TotalSeconds, 1e-3);
}
