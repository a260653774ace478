using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansHealth.Grains.Telemetry;
using OrleansHealth.Learning;
using OrleansHealth.Learning.Scoring;
using OrleansHealth.Patients;
using OrleansHealth.Sources;
using OrleansHealth.Silo.Security;

namespace OrleansHealth.Silo.Api;

/// <summary>
/// A patient's risk, its explanation and the ranking of treatments:
/// <c>/api/patients/{patientId}/predictions|explanations|treatments/{model}</c>.
/// </summary>
public static class PredictionsApi
{
    /// <summary>Contributions listed by default in a prediction; the explanation lists all.</summary>
    public const int DefaultTop = 5;

    public static IEndpointRouteBuilder MapPredictionsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/patients/{patientId}").WithTags("Predictions").RequireAuthorization(Policies.ClinicalRead);
        group.MapGet("/predictions/{model}", PredictAsync).WithName("PredictPatient")
            .WithSummary("Probability from the model's active version, the feature values used and the top contributions (?top=N).")
            .Audited(AuditActions.PredictionRead);
        group.MapGet("/explanations/{model}", ExplainAsync).WithName("ExplainPatient")
            .WithSummary("Every model input's contribution toward or against the prediction (they add up to it from the base value).")
            .Audited(AuditActions.ExplanationRead);
        group.MapGet("/treatments/{model}", TreatmentsAsync).WithName("RankTreatments")
            .WithSummary("The model's candidate treatments ranked by the predicted probability of a good outcome for this patient.")
            .Audited(AuditActions.TreatmentsRead);
        return endpoints;
    }

    private static async Task<Results<Ok<PredictionView>, ProblemHttpResult>> PredictAsync(string patientId, string model, ClaimsPrincipal user, IGrainFactory grains, int top = DefaultTop)
    {
        if (CheckIds(patientId, model, user) is { } problem)
        {
            return problem;
        }

        // The patient is asked first: the usual answer needs no other call, and only a missing one is explained.
        var prediction = await grains.GetGrain<IPatientGrain>(patientId).GetPredictionAsync(model);
        if (prediction is null)
        {
            return await WhyNoAnswerAsync(patientId, model, grains);
        }

        HealthTelemetry.Predictions.Add(1, new KeyValuePair<string, object?>("model", model));
        return TypedResults.Ok(PredictionView.From(patientId, prediction, Math.Max(0, top)));
    }

    private static async Task<Results<Ok<ExplanationView>, ProblemHttpResult>> ExplainAsync(string patientId, string model, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (CheckIds(patientId, model, user) is { } problem)
        {
            return problem;
        }

        var prediction = await grains.GetGrain<IPatientGrain>(patientId).GetPredictionAsync(model);
        return prediction is null ? await WhyNoAnswerAsync(patientId, model, grains) : TypedResults.Ok(ExplanationView.From(patientId, prediction));
    }

    private static async Task<Results<Ok<TreatmentRanking>, ProblemHttpResult>> TreatmentsAsync(string patientId, string model, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (CheckIds(patientId, model, user) is { } problem)
        {
            return problem;
        }

        var ranking = await grains.GetGrain<IPatientGrain>(patientId).GetTreatmentsAsync(model);
        if (ranking is null)
        {
            return await WhyNoAnswerAsync(patientId, model, grains);
        }

        return ranking.Treatments.Count == 0
            ? TypedResults.Problem(detail: $"The model '{model}' names no treatment; add a treatment with candidates to its definition and train a version.",
                statusCode: StatusCodes.Status409Conflict, title: "No treatment to rank")
            : TypedResults.Ok(ranking);
    }

    /// <summary>
    /// Ids that cannot name a patient or a model, answered without asking any grain. A patient outside the token's
    /// list is answered as unknown, so that it cannot learn who exists.
    /// </summary>
    private static ProblemHttpResult? CheckIds(string patientId, string model, ClaimsPrincipal user) =>
        !PatientIds.IsValid(patientId) || !Access.MaySee(user, patientId) ? UnknownPatient(patientId)
        : !SourceIds.IsValid(model) ? Problems.NotFound($"No model '{model}' is defined.")
        : null;

    /// <summary>
    /// Why the patient had no answer: an unknown model, a model without an active version, or else an
    /// unknown patient. Only asked on that path, so an answered request costs one grain call.
    /// </summary>
    private static async Task<ProblemHttpResult> WhyNoAnswerAsync(string patientId, string model, IGrainFactory grains)
    {
        if (await grains.GetGrain<IPredictorGrain>(model).GetVersionAsync() is not null)
        {
            return UnknownPatient(patientId);
        }

        return await grains.GetGrain<IModelGrain>(model).GetAsync() is null
            ? Problems.NotFound($"No model '{model}' is defined; define it with PUT /api/models/{model}.")
            : TypedResults.Problem(detail: $"The model '{model}' has no active version; train one and promote it with POST /api/models/{model}/versions/{{version}}/promote.",
                statusCode: StatusCodes.Status409Conflict, title: "No active version");
    }

    private static ProblemHttpResult UnknownPatient(string patientId) =>
        Problems.NotFound($"No patient '{patientId}' is known; resolve a source's own id with GET /api/patients?source=…&localId=….");
}
