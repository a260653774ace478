namespace OrleansHealth.Silo.Audit;

/// <summary>Marks an endpoint as audited under an action (<see cref="AuditActions"/>).</summary>
public sealed record AuditedAction(string Action);

/// <summary>
/// A result that names the patient it is about when the route does not (a source-local id resolved to its
/// enterprise patient).
/// </summary>
public interface IAboutPatient
{
    string PatientId { get; }
}

/// <summary>
/// A result that shows several patients' data (a search's hits): each is recorded as a read of its own, so that
/// the trail of a patient lists every answer that showed them, as for a batch's patient lines.
/// </summary>
public interface IAboutPatients
{
    IEnumerable<string> PatientIds { get; }
}

public static class AuditedEndpoints
{
    /// <summary>
    /// Audits every call of the endpoint: its answer is held until the event describing it is durable, and
    /// replaced by a 503 when the event cannot be written. Refusals by authorization are recorded too
    /// (<see cref="AuditingAuthorizationResultHandler"/>).
    /// </summary>
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder endpoint, string action) =>
        endpoint.WithMetadata(new AuditedAction(action)).AddEndpointFilter(new AuditEndpointFilter(action));

    /// <summary>
    /// Marks an endpoint that writes its answer itself (a stream) and records its own events before each part
    /// of the answer; only refusals are recorded for it here.
    /// </summary>
    public static RouteHandlerBuilder AuditedByHandler(this RouteHandlerBuilder endpoint, string action) =>
        endpoint.WithMetadata(new AuditedAction(action));
}

/// <summary>Runs the handler, records how it ended, and only then lets the answer go.</summary>
internal sealed class AuditEndpointFilter(string action) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var recorder = http.RequestServices.GetRequiredService<AuditRecorder>();
        object? result;
        try
        {
            result = await next(context);
        }
        catch (Exception ex) when (ex is not AuditTrailUnavailableException)
        {
            // The failure is recorded as well as it can be; the caller gets the failure, not an audit error.
            var status = Api.UnavailableDependencyHandler.Describe(ex) is null ? StatusCodes.Status500InternalServerError : StatusCodes.Status503ServiceUnavailable;
            try
            {
                await recorder.RecordAsync(recorder.Describe(http, action, status), http.RequestAborted);
            }
            catch (AuditTrailUnavailableException)
            {
            }

            throw;
        }

        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        var answered = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
        var value = result is IValueHttpResult { Value: { } v } ? v : null;
        var request = recorder.Describe(http, action, answered, (value as IAboutPatient)?.PatientId);
        var patients = (value as IAboutPatients)?.PatientIds.Distinct(StringComparer.Ordinal).ToList();

        // An answer about no patient in particular (a search that found nobody) is still recorded, once.
        await recorder.RecordAsync(patients is { Count: > 0 } ? [.. patients.Select(p => AuditRecorder.ForPatient(request, p, answered))] : [request],
            http.RequestAborted);
        return result;
    }
}
