namespace OrleansHealth.Clinical.Formats.Csv;

/// <summary>The Synthea v3 CSV export files a source can send, one kind per request (<c>?format=synthea-…</c>).</summary>
public enum SyntheaCsvKind
{
    Patients,
    Observations,
    Conditions,
    Medications,
    Encounters,
    Procedures,
}
