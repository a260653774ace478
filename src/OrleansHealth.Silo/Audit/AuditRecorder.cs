using System.Diagnostics;
using System.Security.Claims;
using OrleansHealth.Silo.Security;

namespace OrleansHealth.Silo.Audit;

/// <summary>Describes a request as an <see cref="AuditEvent"/> and writes it to the trail.</summary>
public sealed class AuditRecorder(IAuditTrail trail, TimeProvider time, ILogger<AuditRecorder> logger)
{
    /// <summary>The route value that names a patient; every other route value describes the object.</summary>
    public const string PatientRouteValue = "patientId";

    public IAuditTrail Trail => trail;

    public AuditEvent Describe(HttpContext http, string action, int status, string? patientId = null)
    {
        var user = http.User;
        var routeValues = http.Request.RouteValues;
        patientId ??= routeValues.TryGetValue(PatientRouteValue, out var routed) ? routed as string : null;
        var described = routeValues
            .Where(v => v.Key != PatientRouteValue && v.Value is string)
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => $"{v.Key}={v.Value}")
            .ToList();

        var now = time.GetUtcNow();
        return new AuditEvent(
            Guid.CreateVersion7(now),
            now,
            Actor(user),
            string.Join(',', user.FindAll(Access.RoleClaim).Select(c => c.Value).Distinct().Order(StringComparer.Ordinal)),
            action,
            patientId,
            described.Count == 0 ? null : string.Join(' ', described),
            AuditOutcomes.Of(status),
            status,
            Client(http.Connection.RemoteIpAddress),
            Activity.Current?.TraceId.ToString());
    }

    /// <summary>The same request's event about another patient (a batch's rows): only the id, patient and status differ.</summary>
    public static AuditEvent ForPatient(AuditEvent request, string? patientId, int status) =>
        request with { Id = Guid.CreateVersion7(request.At), PatientId = patientId, Status = status, Outcome = AuditOutcomes.Of(status) };

    /// <summary>Writes the events; throws <see cref="AuditTrailUnavailableException"/> when they could not be made durable.</summary>
    public async Task RecordAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken = default)
    {
        try
        {
            await trail.AppendAsync(events, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The events name patients, so only what failed is logged, not what was being recorded.
            logger.LogError("The audit trail refused {Count} event(s) ({Error}: {Message}); their answers are withheld",
                events.Count, ex.GetType().Name, ex.Message);
            throw new AuditTrailUnavailableException(ex);
        }
    }

    public Task RecordAsync(AuditEvent e, CancellationToken cancellationToken = default) => RecordAsync([e], cancellationToken);

    /// <summary>An IPv4 caller reached over a dual-stack socket is written as IPv4 (127.0.0.1, not ::ffff:127.0.0.1).</summary>
    private static string? Client(System.Net.IPAddress? address) =>
        (address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address)?.ToString();

    private static string Actor(ClaimsPrincipal user) =>
        user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? (user.Identity?.IsAuthenticated == true ? "unnamed" : "anonymous");
}
