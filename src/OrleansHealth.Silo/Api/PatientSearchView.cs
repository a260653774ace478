using System.Globalization;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Identity;

namespace OrleansHealth.Silo.Api;

/// <summary>
/// The body of <c>GET /api/patients/search</c>: the family name searched for and the best-ranked patients
/// (at most <see cref="Grains.Identity.PatientSearch.MaxResults"/>; <see cref="Truncated"/> when more matched).
/// Every patient listed is audited as read (<see cref="IAboutPatients"/>): the hits show names and birth dates.
/// </summary>
public sealed record PatientSearchView(string Name, IReadOnlyList<PatientSearchHit> Patients, bool Truncated) : IAboutPatients
{
    IEnumerable<string> IAboutPatients.PatientIds => Patients.Select(p => p.PatientId);
}

/// <summary>One patient found, in the demographics one source gave (the variant that ranked best), enough to tell namesakes apart.</summary>
public sealed record PatientSearchHit(string PatientId, string? FamilyName, string? GivenNames, string? BirthDate, string? Sex)
{
    public static PatientSearchHit From(IdentityCandidate hit)
    {
        var d = hit.Demographics;
        return new PatientSearchHit(
            hit.PatientId,
            d.FamilyName,
            d.GivenNames.Count == 0 ? null : string.Join(' ', d.GivenNames),
            d.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            d.Sex == AdministrativeSex.Unknown ? null : d.Sex.ToString());
    }
}
