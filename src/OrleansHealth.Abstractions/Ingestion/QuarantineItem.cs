namespace OrleansHealth.Ingestion;

/// <summary>
/// A record that was not accepted, kept with why and its original text so that nothing is silently
/// dropped. <see cref="Line"/> is the line (or bundle entry) in the request identified by <see cref="RequestId"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("oh.QuarantineItem")]
public sealed record QuarantineItem(
    [property: Id(0)] string RequestId,
    [property: Id(1)] int Line,
    [property: Id(2)] string Rule,
    [property: Id(3)] string Reason,
    [property: Id(4)] string Raw,
    [property: Id(5)] DateTimeOffset ReceivedAt);
