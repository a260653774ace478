using Microsoft.AspNetCore.Http.HttpResults;
using OrleansHealth.Sources;

namespace OrleansHealth.Silo.Api;

/// <summary>Registration and inspection of upstream feeds: <c>/api/sources</c>.</summary>
public static class SourcesApi
{
    public static IEndpointRouteBuilder MapSourcesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/sources").WithTags("Sources");
        group.MapPut("/{sourceId}", RegisterAsync).WithName("RegisterSource").WithSummary("Register a feed or change its registration.");
        group.MapGet("", ListAsync).WithName("ListSources").WithSummary("All registered feeds.");
        group.MapGet("/{sourceId}", GetAsync).WithName("GetSource").WithSummary("One feed's registration.");
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
        var details = SourceIds.IsValid(sourceId) ? await grains.GetGrain<IDataSourceGrain>(sourceId).GetAsync() : null;
        return details is null
            ? Problems.NotFound($"No source '{sourceId}' is registered; register it with PUT /api/sources/{sourceId}.")
            : TypedResults.Ok(SourceView.From(details));
    }
}
