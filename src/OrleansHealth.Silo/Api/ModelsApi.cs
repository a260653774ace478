using Microsoft.AspNetCore.Http.HttpResults;
using OrleansHealth.Learning;
using OrleansHealth.Learning.Features;
using OrleansHealth.Learning.Training;
using OrleansHealth.Sources;
using OrleansHealth.Silo.Security;

namespace OrleansHealth.Silo.Api;

/// <summary>Model definitions, training, versions and promotion: <c>/api/models</c>.</summary>
public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/models/{model}").WithTags("Models").RequireAuthorization(Policies.Modelling);
        var administration = endpoints.MapGroup("/api/models/{model}").WithTags("Models").RequireAuthorization(Policies.Administration);
        // Every person's role may list the models: clinicians (the patient page asks every active model for a risk),
        // analysts and admins (the model page starts from the list). Names and version numbers only, no patient data.
        endpoints.MapGet("/api/models", ListAsync).WithTags("Models").RequireAuthorization(Policies.Staff)
            .WithName("ListModels").WithSummary("The defined models with their active version.");
        group.MapPut("", DefineAsync).WithName("DefineModel").WithSummary("Define (or redefine) a model's features and outcome.")
            .Audited(AuditActions.ModelDefine);
        group.MapGet("", GetAsync).WithName("GetModel").WithSummary("The model's definition, versions and active version.");
        group.MapPost("/versions", TrainAsync).WithName("TrainVersion")
            .WithSummary("Train a new version: {trees, shards, leaves, minExamplesPerLeaf, featureFraction, baggingFraction, maxBins, seed, topK, threshold}.")
            .Audited(AuditActions.VersionTrain);
        group.MapGet("/versions/{version:int}", GetVersionAsync).WithName("GetVersion").WithSummary("A version's status, shards, metrics and importance.");
        group.MapGet("/versions/{version:int}/holdout", GetHoldoutAsync).WithName("GetHoldoutPredictions")
            .WithSummary("The held-out predictions the version's metrics were computed from (pseudonymous ids).")
            .Audited(AuditActions.HoldoutRead);
        administration.MapPost("/versions/{version:int}/promote", PromoteAsync).WithName("PromoteVersion").WithSummary("Make this version the active one (also to roll back).")
            .Audited(AuditActions.VersionPromote);
        group.MapPost("/versions/{version:int}/cancel", CancelAsync).WithName("CancelVersion").WithSummary("Stop a version that is still training.")
            .Audited(AuditActions.VersionCancel);
        return endpoints;
    }

    private static async Task<Results<Ok<ModelDetails>, ValidationProblem, ProblemHttpResult>> DefineAsync(
        string model, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!SourceIds.IsValid(model))
        {
            return BadName(model);
        }

        var (definition, problem) = await JsonBody.ReadAsync<ModelDefinition>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var grain = grains.GetGrain<IModelGrain>(model);
        var problems = await grain.DefineAsync(definition!);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["definition"] = [.. problems] }, title: "The model definition is not valid.");
        }

        return TypedResults.Ok((await grain.GetAsync())!);
    }

    private static async Task<Results<Ok<ModelDetails>, ProblemHttpResult>> GetAsync(string model, IGrainFactory grains) =>
        await FindAsync(model, grains) is { } details ? TypedResults.Ok(details) : UnknownModel(model);

    private static async Task<Ok<IReadOnlyList<ModelListItem>>> ListAsync(IGrainFactory grains)
    {
        var names = await grains.GetGrain<IModelDirectoryGrain>(IModelDirectoryGrain.Key).ListAsync();
        var models = await Task.WhenAll(names.Select(name => grains.GetGrain<IModelGrain>(name).GetAsync()));
        return TypedResults.Ok<IReadOnlyList<ModelListItem>>([.. models.OfType<ModelDetails>().Select(ModelListItem.From)]);
    }

    private static async Task<Results<Accepted<VersionStatus>, ValidationProblem, ProblemHttpResult>> TrainAsync(
        string model, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (await FindAsync(model, grains) is null)
        {
            return UnknownModel(model);
        }

        // An empty body trains with every default.
        var (training, problem) = request.ContentLength == 0 ? (new TrainingRequest(), null) : await JsonBody.ReadAsync<TrainingRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await grains.GetGrain<IModelGrain>(model).TrainAsync(training!);
        if (outcome.Version is not { } version)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["training"] = [.. outcome.Problems] }, title: "This version cannot be trained.");
        }

        var status = await grains.GetGrain<IModelVersionGrain>(ShardKeys.Version(model, version)).GetStatusAsync();
        return TypedResults.Accepted($"/api/models/{model}/versions/{version}", status);
    }

    private static async Task<Results<Ok<VersionStatus>, ProblemHttpResult>> GetVersionAsync(string model, int version, IGrainFactory grains) =>
        await VersionAsync(model, version, grains) is { } status ? TypedResults.Ok(status) : UnknownVersion(model, version);

    private static async Task<Results<Ok<HoldoutPredictions>, ProblemHttpResult>> GetHoldoutAsync(string model, int version, IGrainFactory grains)
    {
        if (await VersionAsync(model, version, grains) is null)
        {
            return UnknownVersion(model, version);
        }

        var holdout = await grains.GetGrain<IModelVersionGrain>(ShardKeys.Version(model, version)).GetHoldoutPredictionsAsync();
        return holdout is null
            ? TypedResults.Problem(detail: $"Version {version} has not finished evaluating.", statusCode: StatusCodes.Status409Conflict, title: "Not evaluated yet")
            : TypedResults.Ok(holdout);
    }

    private static async Task<Results<Ok<ModelDetails>, ProblemHttpResult>> PromoteAsync(string model, int version, IGrainFactory grains)
    {
        if (await VersionAsync(model, version, grains) is null)
        {
            return UnknownVersion(model, version);
        }

        var grain = grains.GetGrain<IModelGrain>(model);
        var problems = await grain.PromoteAsync(version);
        return problems.Count > 0
            ? TypedResults.Problem(detail: string.Join(" ", problems), statusCode: StatusCodes.Status409Conflict, title: "The version cannot be promoted")
            : TypedResults.Ok((await grain.GetAsync())!);
    }

    private static async Task<Results<Ok<VersionStatus>, ProblemHttpResult>> CancelAsync(string model, int version, IGrainFactory grains)
    {
        if (await VersionAsync(model, version, grains) is null)
        {
            return UnknownVersion(model, version);
        }

        var grain = grains.GetGrain<IModelVersionGrain>(ShardKeys.Version(model, version));
        await grain.CancelAsync();
        return TypedResults.Ok((await grain.GetStatusAsync())!);
    }

    private static async Task<ModelDetails?> FindAsync(string model, IGrainFactory grains) =>
        SourceIds.IsValid(model) ? await grains.GetGrain<IModelGrain>(model).GetAsync() : null;

    /// <summary>The status of a version the model lists, else null (a version grain is never activated for a made-up number).</summary>
    private static async Task<VersionStatus?> VersionAsync(string model, int version, IGrainFactory grains) =>
        await FindAsync(model, grains) is { } details && details.Versions.Any(v => v.Version == version)
            ? await grains.GetGrain<IModelVersionGrain>(ShardKeys.Version(model, version)).GetStatusAsync()
            : null;

    private static ProblemHttpResult BadName(string model) => TypedResults.Problem(
        detail: $"'{model}' is not a valid model name: use 1–{SourceIds.MaxLength} lower-case letters, digits and dashes.",
        statusCode: StatusCodes.Status400BadRequest, title: "Invalid model name");

    private static ProblemHttpResult UnknownModel(string model) =>
        Problems.NotFound($"No model '{model}' is defined; define it with PUT /api/models/{model}.");

    private static ProblemHttpResult UnknownVersion(string model, int version) =>
        Problems.NotFound($"The model '{model}' has no version {version}; see GET /api/models/{model} for its versions.");
}
