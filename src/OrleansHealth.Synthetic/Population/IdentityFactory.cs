using System.Globalization;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Synthetic.Names;
using OrleansHealth.Synthetic.Randomness;

namespace OrleansHealth.Synthetic.Population;

/// <summary>Draws a person's true demographics. Cheap on purpose: identity benchmarks draw only this.</summary>
internal sealed class IdentityFactory
{
    // SSNs are 9xx-xx-xxxx (a range never issued), made unique by a bijection of the person index
    // over the 900×99×9999 valid values: the multiplier shares no factor with that count.
    private const ulong SsnSpace = 100UL * 99 * 9999;
    private const ulong SsnMultiplier = 7_654_321;

    private static readonly string[] StreetSuffixes = ["Street", "Avenue", "Road", "Lane", "Drive", "Court", "Boulevard", "Way", "Place", "Terrace", "Circle"];

    private readonly PopulationOptions options;
    private readonly NameLists names = NameLists.Instance;
    private readonly ulong ssnOffset;
    private readonly DateOnly latestBirth;
    private readonly int birthSpanDays;

    public IdentityFactory(PopulationOptions options)
    {
        this.options = options;
        ssnOffset = DeterministicRandom.Hash(options.Seed, RandomStream.Ssn) % SsnSpace;
        latestBirth = options.IndexDate.AddYears(-18);
        var earliestBirth = options.IndexDate.AddYears(-91).AddDays(1);
        birthSpanDays = latestBirth.DayNumber - earliestBirth.DayNumber + 1;
    }

    public static string PersonIdOf(int index) => $"person-{index + 1:D6}";

    public PersonIdentity Create(int index)
    {
        var random = DeterministicRandom.For(options.Seed, RandomStream.Identity, index);
        var sex = random.Chance(0.5) ? AdministrativeSex.Female : AdministrativeSex.Male;
        var givenNames = sex == AdministrativeSex.Female ? names.FemaleGivenNames : names.MaleGivenNames;
        var given = random.Pick(givenNames);
        var middle = random.Chance(0.4) ? random.Pick(givenNames) : null;
        var family = random.Pick(names.FamilyNames);
        var birthDate = latestBirth.AddDays(-random.NextInt(birthSpanDays));

        var street = $"{random.NextInt(1, 9999).ToString(CultureInfo.InvariantCulture)} {random.Pick(names.Streets)} {random.Pick(StreetSuffixes)}";
        if (random.Chance(0.15))
        {
            street = $"{street} Apt {random.NextInt(1, 40).ToString(CultureInfo.InvariantCulture)}";
        }

        var place = random.Pick(names.Places);
        var postalCode = place.ZipPrefix + random.NextInt(100).ToString("D2", CultureInfo.InvariantCulture);
        var phone = string.Create(CultureInfo.InvariantCulture, $"{place.AreaCode}-{random.NextInt(201, 989)}-{random.NextInt(10_000):D4}");
        var ssn = SsnOf(index);

        var demographics = new Demographics(
            [new PatientIdentifier(CodeSystems.Ssn, ssn)],
            family,
            middle is null || middle == given ? [given] : [given, middle],
            birthDate,
            sex,
            street,
            place.City,
            place.State,
            postalCode,
            phone,
            DeceasedDate: null);
        return new PersonIdentity(index, PersonIdOf(index), demographics, ssn);
    }

    private string SsnOf(int index)
    {
        var value = (((ulong)index * SsnMultiplier) + ssnOffset) % SsnSpace;
        var serial = (value % 9999) + 1;
        var rest = value / 9999;
        var group = (rest % 99) + 1;
        var area = 900 + (rest / 99);
        return string.Create(CultureInfo.InvariantCulture, $"{area:D3}-{group:D2}-{serial:D4}");
    }
}
