using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansHealth.Grains.Telemetry;
using OrleansHealth.Learning;
using OrleansHealth.Learning.Scoring;
using OrleansHealth.Patients;
using OrleansHealth.Sources;
using OrleansHealth.Silo.Security;

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

    private static readonly JsonEncodedText LineName = JsonEncodedText.Encode("line");
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText PatientIdName = JsonEncodedText.Encode("patientId");
    private static readonly JsonEncodedText ProbabilityName = JsonEncodedText.Encode("probability");
    private static readonly JsonEncodedText VersionName = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText ErrorName = JsonEncodedText.Encode("error");

    public static IEndpointRouteBuilder MapBatchPredictionApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/models/{model}/predict", PredictAsync).WithTags("Predictions").WithName("PredictBatch").RequireAuthorization(Policies.ClinicalRead)
            .WithSummary("NDJSON of {\"patientId\"} or {\"features\": [...]} lines in, NDJSON of probabilities out, in input order.")
            .AuditedByHandler(AuditActions.BatchPrediction);
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
        var lines = new NdjsonLines(http.Request.BodyReader);
        var block = new Block(parser);
        var spare = new Block(parser);

        // A block is scored and written while the next one is read; the answers still go out in order.
        var sent = Task.CompletedTask;
        try
        {
            var first = true;
            bool more;
            do
            {
                more = await lines.ReadAsync(block.Add, cancellationToken);
                if (first)
                {
                    if (FirstBlockProblem(block.Rows) is { } problem)
                    {
                        return problem;
                    }

                    http.Response.StatusCode = StatusCodes.Status200OK;
                    http.Response.ContentType = "application/x-ndjson";
                    first = false;
                }

                await sent;
                sent = block.Rows.Count == 0 ? Task.CompletedTask : ScoreAndWriteAsync(http.Response, block, predictor, grains, cancellationToken);
                (block, spare) = (spare, block);
                block.Clear();
            }
            while (more);

            await sent;
            return Results.Empty;
        }
        finally
        {
            // A read that fails must not leave a block still writing to the answer.
            await sent.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
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

    private static async Task ScoreAndWriteAsync(HttpResponse response, Block block, IPredictorGrain predictor, IGrainFactory grains, CancellationToken cancellationToken)
    {
        // A patient outside the token's list is answered like an unknown one.
        var user = response.HttpContext.User;
        var patients = Task.WhenAll(block.Rows.Where(r => r.PatientId is not null).Select(r => PatientIds.IsValid(r.PatientId) && Access.MaySee(user, r.PatientId!)
            ? grains.GetGrain<IPatientGrain>(r.PatientId!).GetPredictionAsync(predictor.GetPrimaryKeyString())
            : Task.FromResult<Prediction?>(null)));
        var scores = block.FeatureRows > 0 ? await predictor.ScoreAsync(block.Features(), block.FeatureRows) : null;
        var answered = await patients;
        await AuditAsync(response.HttpContext, block, answered, cancellationToken);
        Write(response.BodyWriter, block.Rows, scores, answered);
        await response.BodyWriter.FlushAsync(cancellationToken);
        var served = (scores is null ? 0 : block.FeatureRows) + answered.Count(p => p is not null);
        HealthTelemetry.Predictions.Add(served, new KeyValuePair<string, object?>("model", predictor.GetPrimaryKeyString()));
    }

    /// <summary>
    /// Records the block before any of its answers is written: an event per patient row (not found for one
    /// unknown or outside the token's list) and one for its feature rows, which name no patient.
    /// </summary>
    private static Task AuditAsync(HttpContext http, Block block, Prediction?[] patients, CancellationToken cancellationToken)
    {
        var recorder = http.RequestServices.GetRequiredService<AuditRecorder>();

        // The request is described once (caller, client, trace); each row only names its patient and outcome.
        var request = recorder.Describe(http, AuditActions.BatchPrediction, StatusCodes.Status200OK);
        var events = new List<AuditEvent>(patients.Length + 1);
        var patient = 0;
        foreach (var row in block.Rows.Where(r => r.PatientId is not null))
        {
            var status = patients[patient++] is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
            events.Add(AuditRecorder.ForPatient(request, row.PatientId, status));
        }

        if (block.FeatureRows > 0)
        {
            events.Add(request);
        }

        return recorder.RecordAsync(events, cancellationToken);
    }

    /// <summary>One answer line per row, in input order; <paramref name="scores"/> are the feature rows' in turn, <paramref name="patients"/> the patient rows'.</summary>
    private static void Write(IBufferWriter<byte> output, List<BatchRow> rows, BatchScores? scores, Prediction?[] patients)
    {
        using var json = new Utf8JsonWriter(output);
        var feature = 0;
        var patient = 0;
        foreach (var row in rows)
        {
            json.WriteStartObject();
            json.WriteNumber(LineName, row.Line);
            if (row.Id is not null)
            {
                json.WriteString(IdName, row.Id);
            }

            if (row.PatientId is not null)
            {
                json.WriteString(PatientIdName, row.PatientId);
            }

            (double Probability, int Version, string? Error) answer = row switch
            {
                { Error: { } reason } => (0, 0, reason),
                { PatientId: { } id } => patients[patient++] is { } p ? (p.Probability, p.Version, null) : (0, 0, $"no patient '{id}' is known"),
                _ => scores is null ? (0, 0, "the model has no active version any more") : (scores.Probabilities[feature++], scores.Version, null),
            };
            if (answer.Error is null)
            {
                json.WriteNumber(ProbabilityName, answer.Probability);
                json.WriteNumber(VersionName, answer.Version);
            }
            else
            {
                json.WriteString(ErrorName, answer.Error);
            }

            json.WriteEndObject();

            // One writer for the whole block: each line is a JSON document of its own, so the writer starts afresh.
            json.Flush();
            output.Write("\n"u8);
            json.Reset();
        }
    }

    private static async Task<IResult> NoActiveVersionAsync(string model, IGrainFactory grains) =>
        !SourceIds.IsValid(model) || await grains.GetGrain<IModelGrain>(model).GetAsync() is null
            ? Problems.NotFound($"No model '{model}' is defined; define it with PUT /api/models/{model}.")
            : TypedResults.Problem(detail: $"The model '{model}' has no active version; train one and promote it.",
                statusCode: StatusCodes.Status409Conflict, title: "No active version");

    /// <summary>Up to <see cref="BlockRows"/> parsed lines, the feature rows' values packed row-major as the predictor takes them.</summary>
    private sealed class Block(BatchRowParser parser)
    {
        private readonly BatchRowParser parser = parser;
        private readonly float[] values = new float[BlockRows * parser.Width];

        public List<BatchRow> Rows { get; } = new(BlockRows);

        public int FeatureRows { get; private set; }

        /// <summary>Parses a line into the block; false once the block is full.</summary>
        public bool Add(int line, ReadOnlySpan<byte> json)
        {
            var row = parser.Parse(line, json, values.AsSpan(FeatureRows * parser.Width, parser.Width));
            Rows.Add(row);
            FeatureRows += row.HasFeatures ? 1 : 0;
            return Rows.Count < BlockRows;
        }

        /// <summary>The feature rows' values, exactly as many as the rows have (the predictor checks).</summary>
        public float[] Features() => FeatureRows == BlockRows ? values : values[..(FeatureRows * parser.Width)];

        public void Clear()
        {
            Rows.Clear();
            FeatureRows = 0;
        }
    }
}
