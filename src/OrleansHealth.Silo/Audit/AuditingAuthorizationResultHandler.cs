using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace OrleansHealth.Silo.Audit;

/// <summary>
/// Records refused calls of audited endpoints (401 without a valid token, 403 for a role that may not) before
/// ASP.NET Core answers them. A refusal discloses nothing, so it is answered even when the trail is down.
/// </summary>
public sealed class AuditingAuthorizationResultHandler(AuditRecorder recorder, ILogger<AuditingAuthorizationResultHandler> logger)
    : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if ((authorizeResult.Challenged || authorizeResult.Forbidden) && context.GetEndpoint()?.Metadata.GetMetadata<AuditedAction>() is { } audited)
        {
            var status = authorizeResult.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
            try
            {
                await recorder.RecordAsync(recorder.Describe(context, audited.Action, status), context.RequestAborted);
            }
            catch (AuditTrailUnavailableException)
            {
                logger.LogWarning("A refused {Action} call could not be audited", audited.Action);
            }
        }

        await standard.HandleAsync(next, context, policy, authorizeResult);
    }
}
