using System.Security.Claims;

namespace OrleansHealth.Silo.Security;

/// <summary>The claims beyond roles that narrow what a token may touch, and the checks that read them.</summary>
public static class Access
{
    public const string RoleClaim = "role";

    /// <summary>A feed token's source; a feed may push only to the sources it names.</summary>
    public const string SourceClaim = "source";

    /// <summary>
    /// A patient the token is restricted to (SMART's launch context uses the same name); repeated for a list.
    /// A token without it reaches every patient its roles allow.
    /// </summary>
    public const string PatientClaim = "patient";

    /// <summary>A <see cref="PatientClaim"/> value no patient id can have: the token reads no patient.</summary>
    public const string NoPatient = "(none)";

    /// <summary>True when <paramref name="user"/> may push records to <paramref name="sourceId"/>.</summary>
    public static bool MayPush(ClaimsPrincipal user, string sourceId) =>
        user.IsInRole(Roles.Admin)
        || (user.IsInRole(Roles.Feed) && user.FindAll(SourceClaim).Any(c => string.Equals(c.Value, sourceId, StringComparison.Ordinal)));

    /// <summary>
    /// True when <paramref name="user"/> may see <paramref name="patientId"/>. A refused patient is answered
    /// exactly like an unknown one (404), so that a restricted token cannot learn who exists.
    /// </summary>
    public static bool MaySee(ClaimsPrincipal user, string patientId)
    {
        var allowed = user.FindAll(PatientClaim).ToList();
        return allowed.Count == 0 || allowed.Any(c => string.Equals(c.Value, patientId, StringComparison.Ordinal));
    }
}
