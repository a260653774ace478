using OrleansHealth.Clinical.Model;
using OrleansHealth.Synthetic.Names;
using OrleansHealth.Synthetic.Randomness;

namespace OrleansHealth.Synthetic.Sources;

/// <summary>
/// Turns a person's true demographics into what one source records: the source's MRN, its SSN
/// habit, its phone and street styles, and random noise at the configured rates. Each rate gets its
/// draw in a fixed order, so the noise of one kind does not depend on whether another kind struck.
/// </summary>
internal static class DemographicNoise
{
    private static readonly Dictionary<string, string> StreetAbbreviations = new(StringComparer.Ordinal)
    {
        ["Street"] = "St",
        ["Avenue"] = "Ave",
        ["Road"] = "Rd",
        ["Lane"] = "Ln",
        ["Drive"] = "Dr",
        ["Court"] = "Ct",
        ["Boulevard"] = "Blvd",
        ["Place"] = "Pl",
        ["Terrace"] = "Ter",
        ["Circle"] = "Cir",
    };

    public static (Demographics Demographics, bool SentTwice) Apply(
        Demographics truth, SourceProfile source, string mrn, NoiseRates rates, DeterministicRandom random)
    {
        var given = truth.GivenNames[0];
        var family = truth.FamilyName!;

        var nickname = random.Chance(rates.Nickname);
        if (nickname && NameLists.Instance.Nicknames.TryGetValue(given, out var shortForms))
        {
            given = random.Pick(shortForms);
        }

        if (random.Chance(rates.NameTypo))
        {
            if (random.Chance(0.5))
            {
                family = NameTypos.Apply(family, random);
            }
            else
            {
                given = NameTypos.Apply(given, random);
            }
        }

        var birthDate = truth.BirthDate!.Value;
        if (random.Chance(rates.DayMonthSwap) && birthDate.Day <= 12 && birthDate.Day != birthDate.Month)
        {
            birthDate = new DateOnly(birthDate.Year, birthDate.Day, birthDate.Month);
        }

        var phone = random.Chance(rates.MissingPhone) ? null : FormatPhone(truth.Phone!, source.PhoneStyle);
        var postalCode = random.Chance(rates.MissingPostalCode) ? null : truth.PostalCode;
        var withSsn = source.CarriesSsn && !random.Chance(rates.MissingSsn);
        var sentTwice = random.Chance(rates.DuplicateSend);

        if (source.UpperCaseNames)
        {
            given = given.ToUpperInvariant();
            family = family.ToUpperInvariant();
        }

        var givenNames = truth.GivenNames.Count == 1
            ? [given]
            : new[] { given, source.UpperCaseNames ? truth.GivenNames[1].ToUpperInvariant() : truth.GivenNames[1] };

        var mrnIdentifier = new PatientIdentifier(source.MrnSystem, mrn);
        PatientIdentifier[] identifiers = withSsn ? [mrnIdentifier, truth.Identifiers[0]] : [mrnIdentifier];

        var demographics = new Demographics(
            identifiers,
            family,
            givenNames,
            birthDate,
            truth.Sex,
            source.AbbreviatesStreetSuffixes ? AbbreviateSuffix(truth.AddressLine!) : truth.AddressLine,
            truth.City,
            truth.State,
            postalCode,
            phone,
            truth.DeceasedDate);
        return (demographics, sentTwice);
    }

    /// <summary>Reformats a true phone number (<c>617-555-0123</c>) in the source's style.</summary>
    public static string FormatPhone(string dashed, PhoneStyle style)
    {
        var area = dashed.AsSpan(0, 3);
        var exchange = dashed.AsSpan(4, 3);
        var line = dashed.AsSpan(8, 4);
        return style switch
        {
            PhoneStyle.Parenthesized => $"({area}) {exchange}-{line}",
            PhoneStyle.Digits => $"{area}{exchange}{line}",
            PhoneStyle.International => $"+1 {area} {exchange} {line}",
            _ => dashed,
        };
    }

    /// <summary>"12 Oak Street Apt 3" → "12 Oak St Apt 3"; a suffix without a common abbreviation (Way) stays.</summary>
    public static string AbbreviateSuffix(string addressLine)
    {
        // Lines are "number street suffix [Apt n]" with one-word street names.
        var parts = addressLine.Split(' ');
        if (parts.Length >= 3 && StreetAbbreviations.TryGetValue(parts[2], out var abbreviation))
        {
            parts[2] = abbreviation;
            return string.Join(' ', parts);
        }

        return addressLine;
    }
}
