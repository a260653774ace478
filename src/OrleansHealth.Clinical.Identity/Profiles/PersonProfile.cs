using OrleansHealth.Clinical.Identity.Identifiers;
using OrleansHealth.Clinical.Identity.Normalization;
using OrleansHealth.Clinical.Identity.Text;
using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Identity.Profiles;

/// <summary>
/// A record's demographics normalised once, with the phonetic codes and nickname groups the
/// comparisons need, so that comparing two records (done many times per record) repeats none of
/// that work. Build it where the record arrives; keep the <see cref="Demographics"/> in grain
/// state and rebuild the profile on activation rather than storing it, because its nickname
/// group ids belong to the table it was built with.
/// </summary>
public sealed class PersonProfile
{
    private PersonProfile(Demographics demographics, PersonIdentifierSystems systems, NicknameTable nicknames)
    {
        FamilyName = NameNormalizer.Normalize(demographics.FamilyName);
        FamilySoundex = Soundex.Encode(FamilyName);
        FamilyNysiis = Nysiis.Encode(FamilyName);

        var given = demographics.GivenNames.Select(NameNormalizer.Normalize).OfType<string>().ToArray();
        GivenName = given.Length > 0 ? given[0] : null;
        OtherGivenNames = given.Length > 1 ? given[1..] : [];
        GivenNysiis = Nysiis.Encode(GivenName);
        GivenSoundex = Soundex.Encode(GivenName);
        GivenNicknameGroups = nicknames.GroupsOf(GivenName);
        GivenFormalNames = nicknames.FormalNamesOf(GivenName);

        BirthDate = demographics.BirthDate;
        Sex = demographics.Sex;
        Phone = PhoneNumbers.Normalize(demographics.Phone);
        PostalCode = PostalCodes.Normalize(demographics.PostalCode);
        AddressLine = StreetAddresses.Normalize(demographics.AddressLine);
        Identifiers = PersonIdentifiers.Of(demographics, systems);
    }

    /// <summary>Family name in <see cref="NameNormalizer"/> form.</summary>
    public string? FamilyName { get; }

    /// <summary>Soundex of the family name.</summary>
    public string? FamilySoundex { get; }

    /// <summary>NYSIIS (6 characters) of the family name.</summary>
    public string? FamilyNysiis { get; }

    /// <summary>First given name in <see cref="NameNormalizer"/> form.</summary>
    public string? GivenName { get; }

    /// <summary>Further given (middle) names, normalised.</summary>
    public IReadOnlyList<string> OtherGivenNames { get; }

    /// <summary>NYSIIS (6 characters) of the first given name.</summary>
    public string? GivenNysiis { get; }

    /// <summary>Soundex of the first given name.</summary>
    public string? GivenSoundex { get; }

    /// <summary>Formal names of the nickname groups holding the first given name ("BOB" → "ROBERT"); empty when unknown.</summary>
    public IReadOnlyList<string> GivenFormalNames { get; }

    /// <summary>Birth date as given.</summary>
    public DateOnly? BirthDate { get; }

    /// <summary>Administrative sex; <see cref="AdministrativeSex.Unknown"/> counts as missing.</summary>
    public AdministrativeSex Sex { get; }

    /// <summary>Phone, last 10 digits.</summary>
    public string? Phone { get; }

    /// <summary>Five-digit ZIP.</summary>
    public string? PostalCode { get; }

    /// <summary>Address line in <see cref="StreetAddresses"/> form.</summary>
    public string? AddressLine { get; }

    /// <summary>Person-level identifiers, normalised, in priority order.</summary>
    public IReadOnlyList<PatientIdentifier> Identifiers { get; }

    internal int[] GivenNicknameGroups { get; }

    /// <summary>Builds the profile with the default identifier systems and nickname table.</summary>
    public static PersonProfile From(Demographics demographics) => From(demographics, null, null);

    /// <summary>Builds the profile; null arguments mean <see cref="PersonIdentifierSystems.Default"/> and <see cref="NicknameTable.Default"/>.</summary>
    public static PersonProfile From(Demographics demographics, PersonIdentifierSystems? systems, NicknameTable? nicknames)
    {
        ArgumentNullException.ThrowIfNull(demographics);
        return new PersonProfile(demographics, systems ?? PersonIdentifierSystems.Default, nicknames ?? NicknameTable.Default);
    }
}
