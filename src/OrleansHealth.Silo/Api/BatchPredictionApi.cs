using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansHealth.Learning;
using OrleansHealth.Patients;
using OrleansHealth.Sources;

namespace OrleansHealth.Silo.Api;

/// <summary>
/// Batch scoring, NDJSON in and out, streamed: <c>POST /api/models/{model}/predict</c>. Lines are scored
/// in blocks; a block of feature rows large enough is scattered to the version's shards by the
/// predictor. Problems in the first block are a 400 (nothing has been sent yet); after that, a bad
/// line gets an <c>{"line": n, "error": "…"}</c> line in the answer and the rest is still scored.
/// </summary>
public static class BatchPredictionApi
{
    public const int BlockRows = 4_096;

    public static IEndpointRouteBuilder MapBatchPredictionApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/models/{model}/predict", PredictAsync).WithTags("Predictions").WithName("PredictBatch")
            .WithSummary("NDJSON of {\"patientId\"} or {\"features\": [...]} lines in, NDJSON of probabilities out, in input order.");
        return endpoints;
    }

    private static async Task<IResult> PredictAsync(string model, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var type = http.Request.ContentType ?? "";
        if (!type.Contains("ndjson", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(detail: $"Send the rows as application/x-ndjson (one JSON object per line), not '{type}'.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        }

        var predictor = grains.GetGrain<IPredictorGrain>(model);
        var features = SourceIds.IsValid(model) ? await predictor.GetFeaturesAsync() : null;
        if (features is null)
        {
            return await NoActiveVersionAsync(model, grains);
        }

        var parser = new BatchRowParser(features);
        var block = new List<BatchRow>(BlockRows);
        var started = false;
        await foreach (var (line, json) in NdjsonLines.ReadAsync(http.Request.Body, cancellationToken))
        {
            block.Add(parser.Parse(line, json));
            if (block.Count < BlockRows)
            {
                continue;
            }

            if (!started && FirstBlockProblem(block) is { } problem)
            {
                return problem;
            }

            await WriteAsync(http, await ScoreAsync(block, predictor, grains), started, cancellationToken);
            started = true;
            block.Clear();
        }

        if (!started && FirstBlockProblem(block) is { } last)
        {
            return last;
        }

        await WriteAsync(http, await ScoreAsync(block, predictor, grains), started, cancellationToken);
        return Results.Empty;
    }

    private static ProblemHttpResult? FirstBlockProblem(List<BatchRow> block)
    {
        var errors = block.Where(r => r.Error is not null).Take(20).ToList();
        if (block.Count == 0)
        {
            return TypedResults.Problem(detail: "The body has no rows.", statusCode: StatusCodes.Status400BadRequest, title: "Empty batch");
        }

        return errors.Count == 0
            ? null
            : TypedResults.Problem(detail: string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Error}")), statusCode: StatusCodes.Status400BadRequest,
                title: "Some rows cannot be scored");
    }

    private static async Task<List<(BatchRow Row, double? Probability, int? Version, string? Error)>> ScoreAsync(
        List<BatchRow> block, IPredictorGrain predictor, IGrainFactory grains)
    {
        var results = block.Select(r => (Row: r, Probability: (double?)null, Version: (int?)null, r.Error)).ToList();
        var featureRows = Enumerable.Range(0, block.Count).Where(i => block[i].Features is not null).ToList();
        if (featureRows.Count > 0)
        {
            var flat = featureRows.SelectMany(i => block[i].Features!).ToArray();
            var scores = await predictor.ScoreAsync(flat, featureRows.Count);
            for (var k = 0; k < featureRows.Count; k++)
            {
                var i = featureRows[k];
                results[i] = scores is null
                    ? (block[i], null, null, "the model has no active version any more")
                    : (block[i], scores.Probabilities[k], scores.Version, null);
            }
        }

        var patientRows = Enumerable.Range(0, block.Count).Where(i => block[i].PatientId is not null).ToList();
        var predictions = await Task.WhenAll(patientRows.Select(i => PatientIds.IsValid(block[i].PatientId)
            ? grains.GetGrain<IPatientGrain>(block[i].PatientId!).GetPredictionAsync(predictor.GetPrimaryKeyString())
            : Task.FromResult<OrleansHealth.Learning.Scoring.Prediction?>(null)));
        for (var k = 0; k < patientRows.Count; k++)
        {
            var i = patientRows[k];
            results[i] = predictions[k] is { } p ? (block[i], p.Probability, p.Version, null) : (block[i], null, null, $"no patient '{block[i].PatientId}' is known");
        }

        return results;
    }

    private static async Task WriteAsync(HttpContext http, List<(BatchRow Row, double? Probability, int? Version, string? Error)> results, bool started, CancellationToken cancellationToken)
    {
        if (!started)
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = "application/x-ndjson";
        }

        using var buffer = new MemoryStream();
        foreach (var (row, probability, version, error) in results)
        {
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteNumber("line", row.Line);
                if (row.Id is not null)
                {
                    json.WriteString("id", row.Id);
                }

                if (row.PatientId is not null)
                {
                    json.WriteString("patientId", row.PatientId);
                }

                if (error is null)
                {
                    json.WriteNumber("probability", probability!.Value);
                    json.WriteNumber("version", version!.Value);
                }
                else
                {
                    json.WriteString("error", error);
                }

                json.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
        }

        await http.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
    }

    private static async Task<IResult> NoActiveVersionAsync(string model, IGrainFactory grains) =>
        !SourceIds.IsValid(model) || await grains.GetGrain<IModelGrain>(model).GetAsync() is null
            ? Problems.NotFound($"No model '{model}' is defined; define it with PUT /api/models/{model}.")
            : TypedResults.Problem(detail: $"The model '{model}' has no active version; train one and promote it.",
                statusCode: StatusCodes.Status409Conflict, title: "No active version");
}
