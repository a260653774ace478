using OrleansHealth.Grains;
using OrleansHealth.Learning;
using OrleansHealth.Learning.Features;
using OrleansHealth.Sources;
using OrleansHealth.Silo.Security;

namespace OrleansHealth.Silo.Api;

/// <summary>
/// A model's cohort as a de-identified dataset (HIPAA Safe Harbor), for analysts: <c>GET /api/models/{model}/dataset</c>.
/// The rows are the ones training sees, streamed partition by partition.
/// </summary>
public static class DatasetApi
{
    public static IEndpointRouteBuilder MapDatasetApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/models/{model}/dataset", ExportAsync).WithTags("Models").WithName("ExportDataset").RequireAuthorization(Policies.Modelling)
            .WithSummary("The model's cohort, de-identified (Safe Harbor): pseudonym, sex, age group (over 89 as 90+), birth year, 3-digit ZIP, " +
                "reference year, the model's features and outcome. ?format=csv (default) or ndjson.")
            .Audited(AuditActions.DatasetExport);
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(string model, IGrainFactory grains, [FromKeyedServices(HealthTime.Key)] TimeProvider time, string format = DatasetFormat.Csv)
    {
        if (!DatasetFormat.IsKnown(format))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["format"] = [$"use {DatasetFormat.Csv} or {DatasetFormat.Ndjson}, not '{format}'."] },
                title: "Unknown dataset format.");
        }

        var details = SourceIds.IsValid(model) ? await grains.GetGrain<IModelGrain>(model).GetAsync() : null;
        return details is null
            ? Problems.NotFound($"No model '{model}' is defined; define it with PUT /api/models/{model}.")
            : new DatasetResult(details.Definition, grains, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), format);
    }
}
