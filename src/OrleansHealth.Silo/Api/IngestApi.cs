using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using OrleansHealth.Clinical.Reading;
using OrleansHealth.Grains.Ingestion;
using OrleansHealth.Ingestion;
using OrleansHealth.Silo.Security;

namespace OrleansHealth.Silo.Api;

/// <summary><c>POST /api/sources/{sourceId}/records</c>: feeds push their records here.</summary>
public static class IngestApi
{
    public static IEndpointRouteBuilder MapIngestApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/sources").WithTags("Ingest").RequireAuthorization(Policies.Ingest)
            .MapPost("/{sourceId}/records", IngestAsync)
            .WithName("IngestRecords")
            .WithSummary("Ingest FHIR JSON, FHIR NDJSON or CSV (?format=…). Answers once every accepted record is persisted.")
            // Not .Accepts(...): routing would then answer other content types with a bare 415, and the
            // handler's problem (which names the supported types) is more useful.
            .WithDescription("Body by Content-Type: application/fhir+json (Bundle or resource), application/fhir+ndjson or " +
                "application/x-ndjson, text/csv with ?format=synthea-patients|synthea-observations|synthea-conditions|" +
                "synthea-medications|synthea-encounters|synthea-procedures|tabular (&id=COLUMN for tabular).")
            .Audited(AuditActions.RecordsIngest);
        return endpoints;
    }

    private static async Task<Results<Ok<IngestReport>, ProblemHttpResult>> IngestAsync(
        string sourceId,
        HttpRequest request,
        IGrainFactory grains,
        IngestPipeline pipeline,
        IOptions<IngestOptions> options,
        CancellationToken cancellationToken)
    {
        if (!Access.MayPush(request.HttpContext.User, sourceId))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not this feed's source",
                detail: $"This token may push records only to its own source (its 'source' claim), not to '{sourceId}'.");
        }

        var source = await SourcesApi.FindAsync(sourceId, grains);
        if (source is null)
        {
            return SourcesApi.UnknownSource(sourceId);
        }

        var (reader, problem) = FeedReaderSelector.Select(
            request.ContentType, request.Query["format"], request.Query["id"], sourceId, options.Value.Limits);
        if (problem is not null)
        {
            return problem;
        }

        // Streaming formats may be far larger than Kestrel's 30 MB default; the readers enforce their own limits.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = options.Value.MaxBodyBytes;
        }

        try
        {
            return TypedResults.Ok(await pipeline.IngestAsync(source, reader!, request.Body, cancellationToken));
        }
        catch (InputFormatException ex)
        {
            return TypedResults.Problem(
                statusCode: ex.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                title: ex.TooLarge ? "The body exceeds a configured limit" : "The body cannot be read",
                detail: ex.Message,
                extensions: ex.Line is { } line ? new Dictionary<string, object?> { ["line"] = line } : null);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The body exceeds a configured limit",
                detail: $"The request body is larger than Ingest:MaxBodyBytes ({options.Value.MaxBodyBytes} bytes); split it.");
        }
    }
}
