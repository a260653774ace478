using OrleansHealth.Clinical.Identity.Profiles;
using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Identity.Comparison;

/// <summary>Compares two profiles field by field into a <see cref="ComparisonVector"/>.</summary>
public static class ProfileComparer
{
    /// <summary>The agreement level of every <see cref="MatchField"/>.</summary>
    public static ComparisonVector Compare(PersonProfile a, PersonProfile b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return ComparisonVector.Of(
            NameComparison.Family(a, b),
            NameComparison.Given(a, b),
            BirthDateComparison.Compare(a.BirthDate, b.BirthDate),
            Sex(a.Sex, b.Sex),
            ContactComparison.Phone(a.Phone, b.Phone),
            ContactComparison.PostalCode(a.PostalCode, b.PostalCode),
            ContactComparison.AddressLine(a.AddressLine, b.AddressLine),
            IdentifierComparison.Compare(a.Identifiers, b.Identifiers));
    }

    /// <summary>Exact, Disagree, or Missing when either is <see cref="AdministrativeSex.Unknown"/>.</summary>
    public static FieldAgreement Sex(AdministrativeSex a, AdministrativeSex b)
    {
        if (a == AdministrativeSex.Unknown || b == AdministrativeSex.Unknown)
        {
            return FieldAgreement.Missing;
        }

        return a == b ? FieldAgreement.Exact : FieldAgreement.Disagree;
    }
}
