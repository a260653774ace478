using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace OrleansHealth.Silo.Security;

/// <summary>
/// Maps SMART-on-FHIR read scopes onto the clinician role, so that tokens from a SMART authorization server
/// work without a role claim: <c>patient/*.read</c> (a patient-launch context, narrowed by the token's
/// <c>patient</c> claim) and <c>user/*.read</c>, also per resource type (<c>user/Observation.read</c>) and in
/// SMART v2 spelling (<c>patient/*.rs</c>). A patient-level scope reads the launch context's patient only: a
/// token with such scopes and no <c>patient</c> claim reads no patient at all.
/// </summary>
public sealed class SmartScopes : IClaimsTransformation
{
    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity || principal.IsInRole(Roles.Clinician))
        {
            return Task.FromResult(principal);
        }

        var reading = principal.FindAll("scope").SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(GrantsClinicalRead).ToList();
        if (reading.Count > 0)
        {
            identity.AddClaim(new Claim(Access.RoleClaim, Roles.Clinician));
            if (reading.All(scope => scope.StartsWith("patient/", StringComparison.Ordinal)) && !principal.HasClaim(c => c.Type == Access.PatientClaim))
            {
                identity.AddClaim(new Claim(Access.PatientClaim, Access.NoPatient));
            }
        }

        return Task.FromResult(principal);
    }

    public static bool GrantsClinicalRead(string scope)
    {
        var slash = scope.IndexOf('/', StringComparison.Ordinal);
        var dot = scope.LastIndexOf('.');
        if (slash <= 0 || dot <= slash)
        {
            return false;
        }

        var context = scope[..slash];
        var permission = scope[(dot + 1)..];
        return context is "patient" or "user" && (permission is "read" or "*" || (permission.Contains('r') && permission.All(c => "cruds".Contains(c))));
    }
}
