using System.Globalization;
using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Identity.Tests.Fixtures;

/// <summary>
/// A small seeded population seen by three sources, each record with its own noise: typos
/// (anywhere, the first letter included), nicknames, swapped day and month, missing phone, ZIP and
/// SSN, each source's phone format and name case. Names come from short lists, so different people
/// often share a name — which is what keeps precision honest.
/// </summary>
internal static class NoisyPopulation
{
    private static readonly string[] Female =
    [
        "Margaret", "Elizabeth", "Catherine", "Patricia", "Jennifer", "Susan", "Deborah", "Rebecca", "Victoria",
        "Samantha", "Christina", "Abigail", "Dorothy", "Virginia", "Kimberly", "Amanda", "Maynard", "Bibi", "Leola", "Yuonne",
    ];

    private static readonly string[] Male =
    [
        "Robert", "William", "Richard", "James", "Michael", "Thomas", "Joseph", "Charles", "Edward", "Anthony",
        "Nicholas", "Benjamin", "Timothy", "Frederick", "Lawrence", "Curt", "Jarrod", "Emerson", "Tyree", "Odis",
    ];

    private static readonly Dictionary<string, string[]> Nicknames = new(StringComparer.Ordinal)
    {
        ["Margaret"] = ["Peggy", "Maggie", "Meg"], ["Elizabeth"] = ["Liz", "Beth", "Betty"], ["Catherine"] = ["Cathy", "Kate"],
        ["Patricia"] = ["Pat", "Trish"], ["Jennifer"] = ["Jen", "Jenny"], ["Susan"] = ["Sue", "Susie"], ["Deborah"] = ["Debbie", "Deb"],
        ["Rebecca"] = ["Becky"], ["Victoria"] = ["Vicky", "Tori"], ["Samantha"] = ["Sam"], ["Christina"] = ["Chris", "Tina"],
        ["Abigail"] = ["Abby"], ["Dorothy"] = ["Dot", "Dolly"], ["Virginia"] = ["Ginny"], ["Kimberly"] = ["Kim"], ["Amanda"] = ["Mandy"],
        ["Robert"] = ["Bob", "Rob", "Bobby"], ["William"] = ["Bill", "Will", "Billy"], ["Richard"] = ["Rick", "Dick"], ["James"] = ["Jim", "Jimmy"],
        ["Michael"] = ["Mike", "Mikey"], ["Thomas"] = ["Tom", "Tommy"], ["Joseph"] = ["Joe", "Joey"], ["Charles"] = ["Charlie", "Chuck"],
        ["Edward"] = ["Ed", "Ted", "Eddie"], ["Anthony"] = ["Tony"], ["Nicholas"] = ["Nick"], ["Benjamin"] = ["Ben"],
        ["Timothy"] = ["Tim"], ["Frederick"] = ["Fred"], ["Lawrence"] = ["Larry"], ["Curt"] = ["Curtis"],
    };

    private static readonly string[] Family =
    [
        "Mosciski", "Schmidt", "Smith", "Schowalter", "Kemmer", "Marvin", "Stamm", "Johnson", "Williams", "Brown", "Jones",
        "Miller", "Davis", "Garcia", "Rodriguez", "Wilson", "Martinez", "Anderson", "Taylor", "Thomas", "Hernandez", "Moore",
        "Martin", "Jackson", "Thompson", "White", "Lopez", "Lee", "Gonzalez", "Harris", "Clark", "Lewis", "Robinson", "Walker",
        "Perez", "Hall", "Young", "Allen", "Sanchez", "Wright", "King", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill",
        "Ramirez", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Torres", "Parker", "Collins",
        "Edwards", "Stewart",
    ];

    private static readonly string[] Streets = ["Stamm Lock", "Kemmer Neck", "Marvin Divide", "Oak Street", "Main Street", "Elm Avenue", "Cedar Road"];

    private static readonly string[] Sources = ["ehr-a", "lab-b", "clinic-c"];

    /// <summary>Records of <paramref name="persons"/> people, each in 2 or 3 of the sources, in source order.</summary>
    public static IReadOnlyList<SourceRecord> Create(int persons, int seed)
    {
        var random = new Random(seed);
        var records = new List<SourceRecord>();
        for (var p = 0; p < persons; p++)
        {
            var truth = Person(p, random);
            var sourceCount = random.NextDouble() < 0.5 ? 2 : 3;
            var skipped = sourceCount == 3 ? -1 : random.Next(3);
            for (var s = 0; s < Sources.Length; s++)
            {
                if (s != skipped)
                {
                    records.Add(new SourceRecord($"person-{p}", Sources[s], $"{Sources[s]}-{p}", Noisy(truth, s, random)));
                }
            }
        }

        return [.. records.OrderBy(r => r.SourceId, StringComparer.Ordinal)];
    }

    private static Demographics Person(int index, Random random)
    {
        var female = random.NextDouble() < 0.5;
        var given = female ? Female[random.Next(Female.Length)] : Male[random.Next(Male.Length)];
        var family = Family[random.Next(Family.Length)] + random.Next(1, 999).ToString(CultureInfo.InvariantCulture);
        var birth = new DateOnly(1930, 1, 1).AddDays(random.Next(365 * 75));
        var address = $"{random.Next(1, 999)} {Streets[random.Next(Streets.Length)]}";
        var zip = $"0{random.Next(1000, 2800)}";
        var phone = $"555-{random.Next(200, 999)}-{random.Next(10000):D4}";
        var ssn = $"999-{random.Next(10, 99)}-{index + 1000:D4}";
        return People.Person(given, family, birth, female ? AdministrativeSex.Female : AdministrativeSex.Male, address, zip, phone, ssn);
    }

    private static Demographics Noisy(Demographics truth, int source, Random random)
    {
        var given = truth.GivenNames[0];
        var family = truth.FamilyName!;
        if (random.NextDouble() < 0.15 && Nicknames.TryGetValue(given, out var shortForms))
        {
            given = shortForms[random.Next(shortForms.Length)];
        }

        if (random.NextDouble() < 0.10)
        {
            if (random.NextDouble() < 0.5)
            {
                family = Typo(family, random);
            }
            else
            {
                given = Typo(given, random);
            }
        }

        var birth = truth.BirthDate!.Value;
        if (random.NextDouble() < 0.05 && birth.Day <= 12 && birth.Day != birth.Month)
        {
            birth = new DateOnly(birth.Year, birth.Day, birth.Month);
        }

        var digits = new string(truth.Phone!.Where(char.IsAsciiDigit).ToArray());
        string? phone = source switch
        {
            0 => truth.Phone,
            1 => $"({digits[..3]}) {digits[3..6]}-{digits[6..]}",
            _ => "+1 " + digits,
        };

        return truth with
        {
            Identifiers = source != 1 && random.NextDouble() >= 0.3 ? truth.Identifiers : [],
            FamilyName = source == 1 ? family.ToUpperInvariant() : family,
            GivenNames = [source == 1 ? given.ToUpperInvariant() : given],
            BirthDate = birth,
            Phone = random.NextDouble() < 0.2 ? null : phone,
            PostalCode = random.NextDouble() < 0.15 ? null : truth.PostalCode,
        };
    }

    // One substitution, deletion or adjacent swap anywhere in the letters (the digits of a
    // generated suffix are left alone: they are dropped by normalisation anyway).
    private static string Typo(string name, Random random)
    {
        var letters = name.TakeWhile(char.IsLetter).Count();
        if (letters < 3)
        {
            return name;
        }

        var position = random.Next(letters - 1);
        return random.Next(3) switch
        {
            0 => name[..position] + (char)('a' + random.Next(26)) + name[(position + 1)..],
            1 => name.Remove(position, 1),
            _ => name[..position] + name[position + 1] + name[position] + name[(position + 2)..],
        };
    }
}
