using OrleansHealth.Clinical.Model;
using OrleansHealth.Synthetic.Names;
using OrleansHealth.Synthetic.Population;
using OrleansHealth.Synthetic.Sources;
using OrleansHealth.Synthetic.Tests.Support;

namespace OrleansHealth.Synthetic.Tests.Sources;

/// <summary>
/// Each noise kind alone, over about 35,000 source records: the measured rate must be within 1.5
/// points of the configured one (more than four standard errors), and nothing else may change.
/// </summary>
public sealed class DemographicNoiseTests
{
    private const int Persons = 20_000;
    private const double Tolerance = 0.015;

    [Fact]
    public void NoNoise_EverySourceHoldsTheTruthInItsOwnStyle()
    {
        var (simulator, records) = Simulate(NoiseRates.None, persons: 3_000);
        foreach (var (record, truth, source) in records)
        {
            var d = record.Demographics;
            Assert.Equal(Styled(truth.FamilyName!, source), d.FamilyName);
            Assert.Equal(truth.GivenNames.Select(g => Styled(g, source)), d.GivenNames);
            Assert.Equal(truth.BirthDate, d.BirthDate);
            Assert.Equal(truth.Sex, d.Sex);
            Assert.Equal(truth.PostalCode, d.PostalCode);
            Assert.Equal(DemographicNoise.FormatPhone(truth.Phone!, source.PhoneStyle), d.Phone);
            Assert.Equal(truth.City, d.City);
            Assert.Equal(truth.State, d.State);
            Assert.Equal(source.AbbreviatesStreetSuffixes ? DemographicNoise.AbbreviateSuffix(truth.AddressLine!) : truth.AddressLine, d.AddressLine);
            var mrn = new PatientIdentifier(source.MrnSystem, simulator.MrnOf(PersonIndex(record), source));
            Assert.Equal(source.CarriesSsn ? [mrn, truth.Identifiers[0]] : [mrn], d.Identifiers);
            Assert.False(record.IsResend);
        }
    }

    [Fact]
    public void NameTypo_HitsTheConfiguredShareOfRecordsAndOnlyTheirNames()
    {
        var (_, records) = Simulate(NoiseRates.None with { NameTypo = 0.2 });
        var hit = 0;
        foreach (var (record, truth, source) in records)
        {
            var family = !string.Equals(record.Demographics.FamilyName, truth.FamilyName, StringComparison.OrdinalIgnoreCase);
            var given = !string.Equals(record.Demographics.FirstGivenName, truth.FirstGivenName, StringComparison.OrdinalIgnoreCase);
            Assert.False(family && given);
            hit += family || given ? 1 : 0;
            Assert.Equal(truth.BirthDate, record.Demographics.BirthDate);
            Assert.Equal(truth.PostalCode, record.Demographics.PostalCode);
        }

        AssertRate(0.2, hit, records.Count);
    }

    [Fact]
    public void Nickname_ReplacesTheConfiguredShareOfNamesThatHaveOne()
    {
        var nicknames = NameLists.Instance.Nicknames;
        var (_, records) = Simulate(NoiseRates.None with { Nickname = 0.3 });
        var eligible = records.Where(r => nicknames.ContainsKey(r.Truth.FirstGivenName!)).ToArray();
        var replaced = 0;
        foreach (var (record, truth, _) in eligible)
        {
            var given = record.Demographics.FirstGivenName!;
            if (!string.Equals(given, truth.FirstGivenName, StringComparison.OrdinalIgnoreCase))
            {
                Assert.Contains(nicknames[truth.FirstGivenName!], n => string.Equals(n, given, StringComparison.OrdinalIgnoreCase));
                replaced++;
            }
        }

        Assert.True(eligible.Length > 5_000, $"{eligible.Length} records have a nickname-able name");
        AssertRate(0.3, replaced, eligible.Length);
        Assert.All(records.Where(r => !nicknames.ContainsKey(r.Truth.FirstGivenName!)), r =>
            Assert.Equal(r.Truth.FirstGivenName, r.Record.Demographics.FirstGivenName, ignoreCase: true));
    }

    [Fact]
    public void DayMonthSwap_SwapsTheConfiguredShareOfEligibleBirthDates()
    {
        var (_, records) = Simulate(NoiseRates.None with { DayMonthSwap = 0.1 });
        var eligible = records.Where(r => r.Truth.BirthDate!.Value.Day <= 12 && r.Truth.BirthDate.Value.Day != r.Truth.BirthDate.Value.Month).ToArray();
        var swapped = 0;
        foreach (var (record, truth, _) in eligible)
        {
            var date = truth.BirthDate!.Value;
            if (record.Demographics.BirthDate != date)
            {
                Assert.Equal(new DateOnly(date.Year, date.Day, date.Month), record.Demographics.BirthDate);
                swapped++;
            }
        }

        AssertRate(0.1, swapped, eligible.Length);
        Assert.All(records.Except(eligible), r => Assert.Equal(r.Truth.BirthDate, r.Record.Demographics.BirthDate));
    }

    [Fact]
    public void MissingFields_LeaveOutTheConfiguredShares()
    {
        var (_, records) = Simulate(NoiseRates.None with { MissingPhone = 0.3, MissingPostalCode = 0.2, MissingSsn = 0.4 });
        var ssnRecords = records.Where(r => r.Source.CarriesSsn).ToArray();

        AssertRate(0.3, records.Count(r => r.Record.Demographics.Phone is null), records.Count);
        AssertRate(0.2, records.Count(r => r.Record.Demographics.PostalCode is null), records.Count);
        AssertRate(0.4, ssnRecords.Count(r => !r.Record.Demographics.Identifiers.Any(i => i.System == CodeSystems.Ssn)), ssnRecords.Length);
        Assert.All(records.Where(r => !r.Source.CarriesSsn), r => Assert.DoesNotContain(r.Record.Demographics.Identifiers, i => i.System == CodeSystems.Ssn));
    }

    [Fact]
    public void DuplicateSend_ResendsTheConfiguredShareOfRecords()
    {
        var simulator = Scenarios.Sources(Persons, noise: NoiseRates.None with { DuplicateSend = 0.1 });
        var records = simulator.SimulateDemographics();
        var originals = records.Count(r => !r.IsResend);

        AssertRate(0.1, records.Count - originals, originals);
    }

    [Fact]
    public void AtLevel_ScalesTheHeavyRatesLinearly()
    {
        var heavy = NoiseRates.AtLevel(1);
        var half = NoiseRates.AtLevel(0.5);

        Assert.Equal(NoiseRates.None, NoiseRates.AtLevel(0));
        Assert.Equal(
            [0.2, 0.3, 0.1, 0.3, 0.2, 0.4, 0.1],
            new[] { heavy.NameTypo, heavy.Nickname, heavy.DayMonthSwap, heavy.MissingPhone, heavy.MissingPostalCode, heavy.MissingSsn, heavy.DuplicateSend });
        Assert.Equal(NoiseRates.Default, half);
        Assert.Equal(0.1, half.NameTypo, 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => NoiseRates.AtLevel(1.1));
    }

    [Theory]
    [InlineData(PhoneStyle.Dashed, "617-555-0123")]
    [InlineData(PhoneStyle.Parenthesized, "(617) 555-0123")]
    [InlineData(PhoneStyle.Digits, "6175550123")]
    [InlineData(PhoneStyle.International, "+1 617 555 0123")]
    public void FormatPhone_EachStyle_WritesTheNumberItsWay(PhoneStyle style, string expected)
    {
        Assert.Equal(expected, DemographicNoise.FormatPhone("617-555-0123", style));
    }

    [Theory]
    [InlineData("12 Oak Street Apt 3", "12 Oak St Apt 3")]
    [InlineData("7 Hill Boulevard", "7 Hill Blvd")]
    [InlineData("5 Pine Way", "5 Pine Way")]
    public void AbbreviateSuffix_KnownSuffix_IsShortened(string line, string expected)
    {
        Assert.Equal(expected, DemographicNoise.AbbreviateSuffix(line));
    }

    private static (SourceSimulator Simulator, List<(SourceDemographicRecord Record, Demographics Truth, SourceProfile Source)> Records) Simulate(
        NoiseRates noise, int persons = Persons)
    {
        var simulator = Scenarios.Sources(persons, noise: noise);
        var truths = Enumerable.Range(0, persons).Select(i => simulator.Population.GenerateIdentity(i).Demographics).ToArray();
        var sources = simulator.Sources.ToDictionary(s => s.Id);
        var records = simulator.SimulateDemographics()
            .Where(r => !r.IsResend)
            .Select(r => (r, truths[PersonIndex(r)], sources[r.SourceId]))
            .ToList();
        return (simulator, records);
    }

    private static int PersonIndex(SourceDemographicRecord record) => int.Parse(record.PersonId["person-".Length..], System.Globalization.CultureInfo.InvariantCulture) - 1;

    private static string Styled(string name, SourceProfile source) => source.UpperCaseNames ? name.ToUpperInvariant() : name;

    private static void AssertRate(double expected, int hits, int total)
    {
        var rate = hits / (double)total;
        Assert.True(Math.Abs(rate - expected) <= Tolerance, $"measured {rate:P2} of {total}, configured {expected:P2}");
    }
}
