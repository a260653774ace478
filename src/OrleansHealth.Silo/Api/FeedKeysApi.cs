using Microsoft.AspNetCore.Http.HttpResults;
using OrleansHealth.Grains;
using OrleansHealth.Silo.Security;
using OrleansHealth.Sources;

namespace OrleansHealth.Silo.Api;

/// <summary>
/// API keys of upstream feeds, for admins: <c>POST /api/sources/{sourceId}/keys</c> makes one (shown once),
/// <c>DELETE …/keys/{keyId}</c> revokes it. A feed sends its key as <c>X-Api-Key</c>.
/// </summary>
public static class FeedKeysApi
{
    public static IEndpointRouteBuilder MapFeedKeysApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/sources/{sourceId}/keys").WithTags("Sources").RequireAuthorization(Policies.Administration);
        group.MapPost("", CreateAsync).WithName("CreateFeedKey").WithSummary("Make an API key for this feed; the answer is the only place the key appears.")
            .Audited(AuditActions.FeedKeyCreate);
        group.MapDelete("/{keyId}", RevokeAsync).WithName("RevokeFeedKey").WithSummary("Revoke one of this feed's API keys.")
            .Audited(AuditActions.FeedKeyRevoke);
        return endpoints;
    }

    private static async Task<Results<Created<NewFeedKey>, ProblemHttpResult>> CreateAsync(string sourceId, IGrainFactory grains, [FromKeyedServices(HealthTime.Key)] TimeProvider time)
    {
        if (await SourcesApi.FindAsync(sourceId, grains) is null)
        {
            return SourcesApi.UnknownSource(sourceId);
        }

        var (key, stored) = FeedKeys.Create(sourceId, time.GetUtcNow());
        await grains.GetGrain<IDataSourceGrain>(sourceId).AddKeyAsync(stored);
        return TypedResults.Created($"/api/sources/{sourceId}/keys/{stored.Id}", new NewFeedKey(stored.Id, key, stored.CreatedAt, FeedKeys.Header));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string sourceId, string keyId, IGrainFactory grains) =>
        SourceIds.IsValid(sourceId) && await grains.GetGrain<IDataSourceGrain>(sourceId).RevokeKeyAsync(keyId)
            ? TypedResults.NoContent()
            : Problems.NotFound($"Source '{sourceId}' has no key '{keyId}'.");
}

/// <summary>A key just made: <see cref="Key"/> is not stored and cannot be shown again.</summary>
public sealed record NewFeedKey(string Id, string Key, DateTimeOffset CreatedAt, string Header);
