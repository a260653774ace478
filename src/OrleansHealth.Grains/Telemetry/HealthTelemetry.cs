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

    public static readonly Counter<long> RecordsIngested =
        Meter.CreateCounter<long>("ohealth.ingest.records", unit: "{record}",
            description: "Records applied to profiles (accepted or recognised as duplicates), by source.");
}
