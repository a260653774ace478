using Microsoft.AspNetCore.Http.HttpResults;
using OrleansHealth.Silo.Audit;
using OrleansHealth.Silo.Security;

namespace OrleansHealth.Silo.Api;

/// <summary>The audit trail, for admins: <c>GET /api/audit?patient=…&amp;actor=…&amp;action=…&amp;from=…&amp;to=…&amp;limit=…</c>.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/audit", QueryAsync).WithTags("Audit").WithName("QueryAudit").RequireAuthorization(Policies.Administration)
            .WithSummary("Audit events, newest first: every read of patient data and every change, who made it, when, from where and how it ended.")
            .Audited(AuditActions.AuditRead);
        return endpoints;
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> QueryAsync(
        IAuditTrail trail, CancellationToken cancellationToken,
        string? patient = null, string? actor = null, string? action = null, DateTimeOffset? from = null, DateTimeOffset? to = null,
        int limit = AuditQuery.DefaultLimit)
    {
        if (limit is < 1 or > AuditQuery.MaxLimit)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["limit"] = [$"give 1 to {AuditQuery.MaxLimit}."] }, title: "The audit query is not valid.");
        }

        if (from > to)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["from"] = ["must not be later than 'to'."] }, title: "The audit query is not valid.");
        }

        var query = new AuditQuery(Blank(patient), Blank(actor), Blank(action), from, to, limit);
        return TypedResults.Ok(new AuditPage(await trail.QueryAsync(query, cancellationToken)));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Events newest first.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEvent> Events);
