using System.Globalization;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Synthetic.Sources;

namespace OrleansHealth.Silo.Tests.Privacy;

/// <summary>One identifying value of a generated person, and what kind of identifier it is.</summary>
internal sealed record Identifier(string Kind, string Value);

/// <summary>
/// Every identifier a generated population's sources send (names, nicknames and typos included, birth and death
/// dates, addresses, cities, ZIP codes, phones, SSNs, MRNs, the sources' own patient ids) and the true ones.
/// </summary>
internal static class PopulationIdentifiers
{
    public static IReadOnlyList<Identifier> Of(SourceSimulator simulator)
    {
        var found = new HashSet<Identifier>();
        foreach (var record in simulator.SimulateDemographics())
        {
            Add(found, "source's patient id", record.LocalId);
            AddDemographics(found, record.Demographics);
        }

        for (var person = 0; person < simulator.Population.Count; person++)
        {
            var identity = simulator.Population.GenerateIdentity(person);
            AddDemographics(found, identity.Demographics);
            Add(found, "SSN", identity.Ssn);
        }

        return [.. found];
    }

    private static void AddDemographics(HashSet<Identifier> found, Demographics demographics)
    {
        Add(found, "family name", demographics.FamilyName);
        foreach (var given in demographics.GivenNames)
        {
            Add(found, "given name", given);
        }

        Add(found, "birth date", demographics.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(found, "death date", demographics.DeceasedDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(found, "address", demographics.AddressLine);
        Add(found, "city", demographics.City);
        Add(found, "ZIP code", demographics.PostalCode);
        Add(found, "phone", demographics.Phone);
        foreach (var identifier in demographics.Identifiers)
        {
            Add(found, $"identifier ({identifier.System})", identifier.Value);
        }
    }

    private static void Add(HashSet<Identifier> found, string kind, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            found.Add(new Identifier(kind, value.Trim()));
        }
    }
}
