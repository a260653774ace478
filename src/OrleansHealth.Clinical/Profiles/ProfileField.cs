namespace OrleansHealth.Clinical.Profiles;

/// <summary>
/// A demographic field of the unified profile: the winning value and the values it beat, each with
/// its provenance. One alternative per distinct value is kept (the best-ranked statement of it).
/// </summary>
[GenerateSerializer, Alias("oh.ProfileField")]
public sealed class ProfileField
{
    [Id(0)] public required FieldValue Current { get; set; }

    [Id(1)] public List<FieldValue> Alternatives { get; set; } = [];

    /// <summary>Adds a statement and re-applies the conflict rule. Returns true when anything changed.</summary>
    public bool Offer(FieldValue candidate)
    {
        var all = new List<FieldValue>(Alternatives.Count + 2) { Current };
        all.AddRange(Alternatives);
        all.Add(candidate);

        // Per distinct value keep its best-ranked statement; then the best of those wins.
        var best = all
            .GroupBy(v => v.Value, StringComparer.Ordinal)
            .Select(g => g.Aggregate((a, b) => b.Source.Outranks(a.Source) ? b : a))
            .ToList();
        var winner = best.Aggregate((a, b) => b.Source.Outranks(a.Source) ? b : a);
        var losers = best.Where(v => !ReferenceEquals(v, winner)).OrderBy(v => v.Value, StringComparer.Ordinal).ToList();

        var changed = !Equals(winner, Current) || !losers.SequenceEqual(Alternatives);
        Current = winner;
        Alternatives = losers;
        return changed;
    }
}
