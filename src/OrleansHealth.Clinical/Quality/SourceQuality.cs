namespace OrleansHealth.Clinical.Quality;

/// <summary>
/// A source's running counters and data-quality figures: the part of a data-source grain's state
/// that ingest tallies update.
/// </summary>
[GenerateSerializer, Alias("oh.SourceQuality")]
public sealed class SourceQuality
{
    [Id(0)] public long Received { get; set; }

    [Id(1)] public long Accepted { get; set; }

    [Id(2)] public long Duplicates { get; set; }

    [Id(3)] public long Rejected { get; set; }

    [Id(4)] public long Skipped { get; set; }

    [Id(5)] public Dictionary<string, long> FailuresByRule { get; set; } = new(StringComparer.Ordinal);

    [Id(6)] public Dictionary<string, long> KindTotals { get; set; } = new(StringComparer.Ordinal);

    [Id(7)] public Dictionary<string, long> FieldsPresent { get; set; } = new(StringComparer.Ordinal);

    [Id(8)] public DistinctCounter Patients { get; set; } = new();

    [Id(9)] public DateTimeOffset? LastSeen { get; set; }

    [Id(10)] public IntakeHistory History { get; set; } = new();

    public void Add(IngestTally tally)
    {
        Received += tally.Received;
        Accepted += tally.Accepted;
        Duplicates += tally.Duplicates;
        Rejected += tally.Rejected;
        Skipped += tally.Skipped;
        AddAll(FailuresByRule, tally.FailuresByRule);
        AddAll(KindTotals, tally.KindTotals);
        AddAll(FieldsPresent, tally.FieldsPresent);
        foreach (var patient in tally.PatientIds)
        {
            Patients.Add(patient);
        }

        History.Add(tally);
        if (LastSeen is null || tally.At > LastSeen)
        {
            LastSeen = tally.At;
        }
    }

    /// <summary>Share of records of each kind that carried each field, 0–1, keyed "kind.field".</summary>
    public IReadOnlyDictionary<string, double> Completeness() =>
        FieldsPresent
            .Where(f => KindTotals.GetValueOrDefault(KindOf(f.Key)) > 0)
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .ToDictionary(f => f.Key, f => Math.Round((double)f.Value / KindTotals[KindOf(f.Key)], 4), StringComparer.Ordinal);

    public double DuplicateRate => Received == 0 ? 0 : Math.Round((double)Duplicates / Received, 4);

    public double RejectRate => Received == 0 ? 0 : Math.Round((double)Rejected / Received, 4);

    /// <summary>
    /// One 0–1 figure: half completeness (the mean over fields), three tenths validity (1 − reject
    /// rate), one fifth uniqueness (1 − duplicate rate). A source that has sent nothing scores 0.
    /// </summary>
    public double Score()
    {
        if (Received == 0)
        {
            return 0;
        }

        var completeness = Completeness();
        var meanCompleteness = completeness.Count == 0 ? 1 : completeness.Values.Average();
        return Math.Round(0.5 * meanCompleteness + 0.3 * (1 - RejectRate) + 0.2 * (1 - DuplicateRate), 4);
    }

    private static string KindOf(string fieldKey) => fieldKey[..fieldKey.IndexOf('.')];

    private static void AddAll(Dictionary<string, long> into, IReadOnlyDictionary<string, int> from)
    {
        foreach (var (key, value) in from)
        {
            into[key] = into.GetValueOrDefault(key) + value;
        }
    }
}
