namespace OrleansHealth.Silo.Audit;

/// <summary>
/// One access to patient data or one change to the system: who (the token's subject and roles), what (the
/// action, the patient and the object such as a source or a model), when, from where, and how it ended.
/// Written before the answer leaves the silo (docs/security.md, "Audit trail").
/// </summary>
/// <param name="Id">A version-7 UUID: unique, and ordered by time within a silo.</param>
/// <param name="Actor">The token's subject (<c>sub</c>), <c>feed:{source}:{keyId}</c> for a feed key, or <c>anonymous</c>.</param>
/// <param name="Roles">The caller's roles, comma-separated.</param>
/// <param name="Action">One of <see cref="AuditActions"/>.</param>
/// <param name="PatientId">The enterprise patient the action touched, when it touched one.</param>
/// <param name="Object">What else the action named, from its route: <c>source=…</c>, <c>model=… version=…</c>.</param>
/// <param name="Outcome">One of <see cref="AuditOutcomes"/>, from <paramref name="Status"/>.</param>
/// <param name="Status">The HTTP status the caller was answered (or would have been, had the audit failed).</param>
/// <param name="Client">The caller's network address.</param>
/// <param name="TraceId">The W3C trace id, to find the request's spans.</param>
public sealed record AuditEvent(
    Guid Id,
    DateTimeOffset At,
    string Actor,
    string Roles,
    string Action,
    string? PatientId,
    string? Object,
    string Outcome,
    int Status,
    string? Client,
    string? TraceId);

/// <summary>How an audited request ended, from its HTTP status.</summary>
public static class AuditOutcomes
{
    public const string Success = "success";
    public const string Denied = "denied";
    public const string NotFound = "not-found";
    public const string Rejected = "rejected";
    public const string Error = "error";

    public static string Of(int status) => status switch
    {
        < 400 => Success,
        401 or 403 => Denied,
        404 => NotFound,
        < 500 => Rejected,
        _ => Error,
    };
}
