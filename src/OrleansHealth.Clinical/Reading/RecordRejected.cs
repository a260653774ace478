namespace OrleansHealth.Clinical.Reading;

/// <summary>A record that could not be parsed; it goes to quarantine with the reason and its raw text.</summary>
public sealed record RecordRejected(int Line, string Reason, string Raw) : ReadItem(Line);
