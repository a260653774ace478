using Microsoft.AspNetCore.Http.HttpResults;
using OrleansHealth.Identity;
using OrleansHealth.Ingestion;
using OrleansHealth.Sources;
using OrleansHealth.Silo.Security;

namespace OrleansHealth.Silo.Api;

/// <summary>Registration and inspection of upstream feeds: <c>/api/sources</c>.</summary>
public static class SourcesApi
{
    public static IEndpointRouteBuilder MapSourcesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/sources").WithTags("Sources").RequireAuthorization(Policies.Administration);
        group.MapPut("/{sourceId}", RegisterAsync).WithName("RegisterSource").WithSummary("Register a feed or change its registration.")
            .Audited(AuditActions.SourceRegister);
        group.MapGet("", ListAsync).WithName("ListSources").WithSummary("All registered feeds.");
        group.MapGet("/{sourceId}", GetAsync).WithName("GetSource").WithSummary("One feed's registration, counters and data quality.");
        group.MapGet("/{sourceId}/quarantine", GetQuarantineAsync).WithName("GetQuarantine")
            .WithSummary("Records of this feed that were rejected, newest first, with reason and raw text (?skip=&take=).")
            .Audited(AuditActions.QuarantineRead);
        group.MapGet("/{sourceId}/review", GetReviewAsync).WithName("GetReviewQueue")
            .WithSummary("Records of this feed whose identity match was uncertain, for a person to decide.")
            .Audited(AuditActions.ReviewRead);
        return endpoints;
    }

    private static async Task<Results<Created<SourceView>, Ok<SourceView>, ValidationProblem>> RegisterAsync(
        string sourceId, SourceRegistrationRequest? request, IGrainFactory grains)
    {
        var registration = SourceRegistrationValidator.Validate(sourceId, request, out var errors);
        if (registration is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The source registration is not valid.");
        }

        var grain = grains.GetGrain<IDataSourceGrain>(sourceId);
        var isNew = await grain.RegisterAsync(registration);
        var view = SourceView.From((await grain.GetAsync())!);
        return isNew ? TypedResults.Created($"/api/sources/{sourceId}", view) : TypedResults.Ok(view);
    }

    private static async Task<Ok<IReadOnlyList<SourceView>>> ListAsync(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<ISourceDirectoryGrain>(ISourceDirectoryGrain.Key).ListAsync();
        var details = await Task.WhenAll(ids.Select(id => grains.GetGrain<IDataSourceGrain>(id).GetAsync()));
        return TypedResults.Ok<IReadOnlyList<SourceView>>([.. details.OfType<SourceDetails>().Select(SourceView.From)]);
    }

    private static async Task<Results<Ok<SourceView>, ProblemHttpResult>> GetAsync(string sourceId, IGrainFactory grains)
    {
        var details = await FindAsync(sourceId, grains);
        return details is null ? UnknownSource(sourceId) : TypedResults.Ok(SourceView.From(details));
    }

    private static async Task<Results<Ok<QuarantinePage>, ProblemHttpResult>> GetQuarantineAsync(
        string sourceId, IGrainFactory grains, int skip = 0, int take = 100)
    {
        if (await FindAsync(sourceId, grains) is null)
        {
            return UnknownSource(sourceId);
        }

        return TypedResults.Ok(await grains.GetGrain<IQuarantineGrain>(sourceId).ListAsync(skip, take));
    }

    private static async Task<Results<Ok<IReadOnlyList<ReviewItem>>, ProblemHttpResult>> GetReviewAsync(string sourceId, IGrainFactory grains)
    {
        if (await FindAsync(sourceId, grains) is null)
        {
            return UnknownSource(sourceId);
        }

        return TypedResults.Ok(await grains.GetGrain<IReviewQueueGrain>(sourceId).ListAsync());
    }

    /// <summary>The registered source, or null for an unknown or malformed id.</summary>
    internal static async Task<SourceDetails?> FindAsync(string sourceId, IGrainFactory grains) =>
        SourceIds.IsValid(sourceId) ? await grains.GetGrain<IDataSourceGrain>(sourceId).GetAsync() : null;

    internal static ProblemHttpResult UnknownSource(string sourceId) =>
        Problems.NotFound($"No source '{sourceId}' is registered; register it with PUT /api/sources/{sourceId}.");
}
