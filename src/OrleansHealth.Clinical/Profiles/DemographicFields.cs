using System.Globalization;
using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Profiles;

/// <summary>The demographic fields a profile merges one by one, and how each is read from <see cref="Demographics"/>.</summary>
public static class DemographicFields
{
    public const string FamilyName = "familyName";
    public const string GivenNames = "givenNames";
    public const string BirthDate = "birthDate";
    public const string Sex = "sex";
    public const string AddressLine = "addressLine";
    public const string City = "city";
    public const string State = "state";
    public const string PostalCode = "postalCode";
    public const string Phone = "phone";
    public const string DeceasedDate = "deceasedDate";

    public static readonly IReadOnlyList<string> All =
        [FamilyName, GivenNames, BirthDate, Sex, AddressLine, City, State, PostalCode, Phone, DeceasedDate];

    /// <summary>The field's value in a record, or null when the record does not state it.</summary>
    public static string? Read(Demographics d, string field) => field switch
    {
        FamilyName => Blank(d.FamilyName),
        GivenNames => d.GivenNames.Count == 0 ? null : string.Join(' ', d.GivenNames),
        BirthDate => d.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Sex => d.Sex == AdministrativeSex.Unknown ? null : d.Sex.ToString().ToLowerInvariant(),
        AddressLine => Blank(d.AddressLine),
        City => Blank(d.City),
        State => Blank(d.State),
        PostalCode => Blank(d.PostalCode),
        Phone => Blank(d.Phone),
        DeceasedDate => d.DeceasedDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a demographic field"),
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
