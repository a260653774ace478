namespace OrleansHealth.Silo.Audit;

/// <summary>A filter over the trail; every given field must match. Answers are newest first, at most <see cref="Limit"/>.</summary>
public sealed record AuditQuery(
    string? PatientId = null,
    string? Actor = null,
    string? Action = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Limit = AuditQuery.DefaultLimit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 10_000;

    public bool Matches(AuditEvent e) =>
        (PatientId is null || e.PatientId == PatientId)
        && (Actor is null || e.Actor == Actor)
        && (Action is null || e.Action == Action)
        && (From is null || e.At >= From)
        && (To is null || e.At < To);
}
