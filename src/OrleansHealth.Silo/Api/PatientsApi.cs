using System.Security.Claims;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Grains.Ingestion;
using OrleansHealth.Patients;
using OrleansHealth.Sources;
using OrleansHealth.Silo.Security;

namespace OrleansHealth.Silo.Api;

/// <summary>Unified patient profiles: <c>/api/patients</c>.</summary>
public static class PatientsApi
{
    public static IEndpointRouteBuilder MapPatientsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/patients").WithTags("Patients").RequireAuthorization(Policies.ClinicalRead);
        group.MapGet("/{patientId}", GetAsync).WithName("GetPatient").WithSummary("The unified profile, every value with its provenance.")
            .Audited(AuditActions.PatientRead);
        group.MapGet("", ResolveAsync).WithName("ResolvePatient").WithSummary("The enterprise patient of a source-local id (?source=…&localId=…).")
            .Audited(AuditActions.PatientResolve);
        return endpoints;
    }

    private static async Task<Results<Ok<PatientProfileView>, ProblemHttpResult>> GetAsync(string patientId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var profile = PatientIds.IsValid(patientId) && Access.MaySee(user, patientId) ? await grains.GetGrain<IPatientGrain>(patientId).GetProfileAsync() : null;
        return profile is null
            ? Problems.NotFound($"No patient '{patientId}' is known; resolve a source's own id with GET /api/patients?source=…&localId=….")
            : TypedResults.Ok(PatientProfileView.From(patientId, profile));
    }

    private static async Task<Results<Ok<PatientLinkView>, ProblemHttpResult, ValidationProblem>> ResolveAsync(
        string? source, string? localId, ClaimsPrincipal user, IPatientResolver resolver)
    {
        var errors = new Dictionary<string, string[]>();
        if (!SourceIds.IsValid(source))
        {
            errors["source"] = ["give the source id, e.g. ?source=ehr-st-mary."];
        }

        if (string.IsNullOrWhiteSpace(localId))
        {
            errors["localId"] = ["give the source's own patient id, e.g. &localId=12345."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Both source and localId are needed.");
        }

        var patientId = (await resolver.FindAsync(source!, [SubjectRef.Local(localId!)]))[0];
        return patientId is null || !Access.MaySee(user, patientId)
            ? Problems.NotFound($"Source '{source}' has sent no patient with that local id.")
            : TypedResults.Ok(new PatientLinkView(source!, localId!, patientId, $"/api/patients/{patientId}"));
    }
}

public sealed record PatientLinkView(string Source, string LocalId, string PatientId, string Profile) : IAboutPatient;
