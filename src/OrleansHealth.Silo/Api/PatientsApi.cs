using System.Security.Claims;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Grains;
using OrleansHealth.Grains.Identity;
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
        // A literal segment outranks the parameter, so "search" is never taken for a patient id.
        group.MapGet("/search", SearchAsync).WithName("SearchPatients")
            .WithSummary("Patients by family name (?name=…), ranked by the start of a given name (&given=…) and a birth date or year (&birthDate=YYYY[-MM-DD]).")
            .Audited(AuditActions.PatientSearch);
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

    private static async Task<Results<Ok<PatientSearchView>, ValidationProblem>> SearchAsync(
        string? name, string? given, string? birthDate, ClaimsPrincipal user, PatientSearch search, [FromKeyedServices(HealthTime.Key)] TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors["name"] = ["give the family name, e.g. ?name=Ekdahl."];
        }

        if (!PatientSearchQuery.TryParseBirthDate(birthDate, time.GetUtcNow().Year, out var year, out var date))
        {
            errors["birthDate"] = [$"give the birth date as YYYY-MM-DD or the year as YYYY, from {PatientSearchQuery.EarliestBirthYear} to this year."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The search needs a family name and, if any, a valid birth date.");
        }

        var query = new PatientSearchQuery(name!.Trim(), string.IsNullOrWhiteSpace(given) ? null : given.Trim(), year, date);
        var found = await search.FindAsync(query, patientId => Access.MaySee(user, patientId));
        return TypedResults.Ok(new PatientSearchView(query.FamilyName, [.. found.Patients.Select(PatientSearchHit.From)], found.Truncated));
    }
}

public sealed record PatientLinkView(string Source, string LocalId, string PatientId, string Profile) : IAboutPatient;
