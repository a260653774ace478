namespace OrleansHealth.Synthetic.Writing;

/// <summary>
/// What was written for one source. Counts are of distinct records (a duplicate send is counted in
/// <see cref="Resends"/>, not twice); <see cref="Observations"/> counts observation resources (the
/// blood-pressure panel is one). <see cref="Files"/> and <see cref="Bytes"/> cover every format written.
/// </summary>
public sealed record SourceSummary(
    string SourceId,
    string Name,
    int TrustRank,
    IReadOnlyList<string> Formats,
    string Units,
    int Patients,
    int Resends,
    long Encounters,
    long Observations,
    long Conditions,
    long Medications,
    long Procedures,
    int Files,
    long Bytes);
