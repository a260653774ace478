using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OrleansHealth.Grains.Telemetry;

/// <summary>
/// The project's own ActivitySource and Meter, both named <c>OrleansHealth</c>. Tags carry ids of
/// sources and models only, never patient identifiers.
/// </summary>
public static class HealthTelemetry
{
    public const string Name = "OrleansHealth";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> SourceRegistrations =
        Meter.CreateCounter<long>("ohealth.sources.registrations", unit: "{registration}",
            description: "Source registrations and re-registrations accepted.");

    /// <summary>The counters' names, for a listener (a name is known before the counter is created; the field is not).</summary>
    public const string RecordsIngestedName = "ohealth.ingest.records";

    public const string PredictionsName = "ohealth.predictions";

    public static readonly Counter<long> RecordsIngested =
        Meter.CreateCounter<long>(RecordsIngestedName, unit: "{record}",
            description: "Records applied to profiles (accepted or recognised as duplicates), by source.");

    /// <summary>Tagged by model only: a prediction's patient must not reach a metric.</summary>
    public static readonly Counter<long> Predictions =
        Meter.CreateCounter<long>(PredictionsName, unit: "{prediction}",
            description: "Probabilities answered over HTTP (single and batch lines), by model.");
}
