using System.Text.RegularExpressions;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Synthetic.Clinical;
using OrleansHealth.Synthetic.Population;
using OrleansHealth.Synthetic.Tests.Support;

namespace OrleansHealth.Synthetic.Tests.Population;

public sealed partial class PopulationGeneratorTests
{
    private static readonly Lazy<IReadOnlyList<SyntheticPerson>> Persons = new(() => Scenarios.Population(3_000).GenerateAll());

    [Fact]
    public void GeneratePerson_SameSeedTwice_SameIdentityBaselineTruthAndVisits()
    {
        var first = Scenarios.Population(50, seed: 4).GeneratePerson(17);
        var second = Scenarios.Population(50, seed: 4).GeneratePerson(17);

        Assert.Equal(Describe(first), Describe(second));
    }

    [Fact]
    public void GeneratePerson_OtherSeed_OtherPerson()
    {
        var first = Scenarios.Population(50, seed: 4).GeneratePerson(17);
        var second = Scenarios.Population(50, seed: 5).GeneratePerson(17);

        Assert.NotEqual(Describe(first), Describe(second));
    }

    [Fact]
    public void GenerateAll_InParallel_EqualsOneByOne()
    {
        var generator = Scenarios.Population(200, seed: 8);
        var all = generator.GenerateAll();

        Assert.Equal(Enumerable.Range(0, 200).Select(i => Describe(generator.GeneratePerson(i))), all.Select(Describe));
    }

    [Fact]
    public void GenerateIdentity_SameAsTheWholePersonsIdentity()
    {
        var generator = Scenarios.Population(20);

        Assert.Equal(DescribeIdentity(generator.GeneratePerson(7).Identity), DescribeIdentity(generator.GenerateIdentity(7)));
    }

    [Fact]
    public void Identities_AreAdultsWithCompleteWellFormedDemographics()
    {
        var indexDate = new PopulationOptions().IndexDate;
        foreach (var person in Persons.Value)
        {
            var d = person.Identity.Demographics;
            Assert.InRange(BaselineAge(d.BirthDate!.Value, indexDate), 18, 90);
            Assert.Equal(person.Baseline.AgeYears, BaselineAge(d.BirthDate!.Value, indexDate));
            Assert.Matches(Ssn(), person.Identity.Ssn);
            Assert.Equal([new PatientIdentifier(CodeSystems.Ssn, person.Identity.Ssn)], d.Identifiers);
            Assert.Matches(Zip(), d.PostalCode!);
            Assert.Matches(Phone(), d.Phone!);
            Assert.False(string.IsNullOrWhiteSpace(d.FamilyName));
            Assert.InRange(d.GivenNames.Count, 1, 2);
            Assert.Contains(d.Sex, new[] { AdministrativeSex.Female, AdministrativeSex.Male });
            Assert.NotNull(d.AddressLine);
            Assert.NotNull(d.City);
            Assert.Matches("^[A-Z]{2}$", d.State!);
        }
    }

    [Fact]
    public void Identities_SsnsAndPersonIdsAreUnique()
    {
        var generator = Scenarios.Population(50_000);
        var ssns = new HashSet<string>();
        var ids = new HashSet<string>();
        for (var i = 0; i < generator.Count; i++)
        {
            var identity = generator.GenerateIdentity(i);
            Assert.True(ssns.Add(identity.Ssn), $"SSN {identity.Ssn} repeats.");
            Assert.True(ids.Add(identity.PersonId));
        }
    }

    [Fact]
    public void Identities_NamesVaryAcrossThePopulation()
    {
        var families = Persons.Value.Select(p => p.Identity.Demographics.FamilyName).Distinct().Count();
        var givens = Persons.Value.Select(p => p.Identity.Demographics.FirstGivenName).Distinct().Count();

        Assert.True(families > 300, $"{families} family names");
        Assert.True(givens > 300, $"{givens} given names");
    }

    [Fact]
    public void IndexVisit_IsACheckUpBeforeTheIndexDateReportingTheBaseline()
    {
        var indexDate = new DateTimeOffset(new PopulationOptions().IndexDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        foreach (var person in Persons.Value)
        {
            var visit = person.IndexVisit;
            var b = person.Baseline;
            Assert.Equal(VisitKind.CheckUp, visit.Kind);
            Assert.InRange((indexDate - visit.Start).TotalDays, 0, 61);
            Assert.Equal(
                [b.HeightCm, b.WeightKg, b.BodyMassIndex, b.SystolicBloodPressure, b.DiastolicBloodPressure, b.HeartRate, b.BodyTemperature, b.GlucoseMgPerDl, b.HemoglobinA1cPercent, b.TotalCholesterolMgPerDl],
                visit.Measurements.Select(m => m.Value));
        }
    }

    [Fact]
    public void Baseline_NoOneIsDiabeticAtTheIndexDate()
    {
        Assert.All(Persons.Value, p =>
        {
            Assert.InRange(p.Baseline.HemoglobinA1cPercent, 4.3, 6.4);
            Assert.InRange(p.Baseline.GlucoseMgPerDl, 68, 125);
        });
    }

    [Fact]
    public void Visits_AreChronologicalInsideTheHistoryWindow()
    {
        var options = new PopulationOptions();
        var start = new DateTimeOffset(options.StartDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(options.EndDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        foreach (var person in Persons.Value)
        {
            for (var i = 0; i < person.Visits.Count; i++)
            {
                var visit = person.Visits[i];
                Assert.Equal(i, visit.Number);
                Assert.InRange(visit.Start, start, end);
                Assert.True(visit.End > visit.Start);
                if (i > 0)
                {
                    Assert.True(visit.Start >= person.Visits[i - 1].Start);
                }
            }
        }
    }

    [Fact]
    public void Conditions_MatchTheBaselineAndAreRecordedWhereTheirCriterionIsMet()
    {
        foreach (var person in Persons.Value)
        {
            var b = person.Baseline;
            var codes = person.Conditions.Select(c => c.Code.Code).ToHashSet();
            Assert.Equal(b.HasHypertension, codes.Contains(SyntheticCodes.Hypertension.Code));
            Assert.Equal(b.HasPrediabetes, codes.Contains(SyntheticCodes.Prediabetes.Code));
            Assert.Equal(b.HasObesity, codes.Contains(SyntheticCodes.Obesity.Code));
            Assert.Equal(b.HasHyperlipidemia, codes.Contains(SyntheticCodes.Hyperlipidemia.Code));
            Assert.Equal(b.FamilyHistoryOfDiabetes, codes.Contains(SyntheticCodes.FamilyHistoryOfDiabetes.Code));

            var obesity = person.Conditions.SingleOrDefault(c => c.Code.Matches(SyntheticCodes.Obesity));
            if (obesity is not null)
            {
                Assert.True(person.Visits[obesity.VisitNumber].Measurements.Single(m => m.Measure == Measure.BodyMassIndex).Value >= 30);
                Assert.True(obesity.VisitNumber <= person.IndexVisitNumber);
            }
        }
    }

    [Fact]
    public void Outcome_ShowsAsADiagnosisVisitInsideTheWindow()
    {
        var indexDate = new DateTimeOffset(new PopulationOptions().IndexDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        foreach (var person in Persons.Value)
        {
            var diagnosis = person.Visits.SingleOrDefault(v => v.Kind == VisitKind.DiabetesDiagnosis);
            var diabetes = person.Conditions.SingleOrDefault(c => c.Code.Matches(SyntheticCodes.Type2Diabetes));
            Assert.Equal(person.Truth.Outcome, diagnosis is not null);
            Assert.Equal(person.Truth.Outcome, diabetes is not null);
            if (diagnosis is null)
            {
                Assert.All(person.Visits.SelectMany(v => v.Measurements).Where(m => m.Measure == Measure.HemoglobinA1c), m => Assert.True(m.Value <= 6.4));
                continue;
            }

            Assert.Equal(person.Truth.OnsetAt, diagnosis.Start);
            Assert.InRange((diagnosis.Start - indexDate).TotalDays, 30, 730);
            Assert.Equal(diagnosis.Number, diabetes!.VisitNumber);
            Assert.True(diagnosis.Measurements.Single(m => m.Measure == Measure.HemoglobinA1c).Value >= 6.5);
            var prediabetes = person.Conditions.SingleOrDefault(c => c.Code.Matches(SyntheticCodes.Prediabetes));
            Assert.Equal(prediabetes is null ? null : diagnosis.Start, prediabetes?.Abatement);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(PopulationOptions.MaxPatientCount + 1)]
    public void Constructor_PatientCountOutOfRange_ThrowsNamingIt(int count)
    {
        var exception = Assert.Throws<ArgumentException>(() => new PopulationGenerator(new PopulationOptions { PatientCount = count }));

        Assert.Equal("PatientCount", exception.ParamName);
    }

    [Fact]
    public void Constructor_StartDateLessThanAYearBeforeTheIndexDate_ThrowsNamingIt()
    {
        var options = new PopulationOptions { StartDate = new DateOnly(2021, 6, 1), EndDate = new DateOnly(2024, 1, 1) };

        var exception = Assert.Throws<ArgumentException>(() => new PopulationGenerator(options));

        Assert.Equal("StartDate", exception.ParamName);
    }

    [Fact]
    public void GenerateIdentity_IndexOutsideThePopulation_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Scenarios.Population(10).GenerateIdentity(10));
    }

    internal static string Describe(SyntheticPerson p) =>
        string.Join(
            "|",
            DescribeIdentity(p.Identity),
            p.Baseline.ToString(),
            $"{p.Truth.Treatment} {p.Truth.Outcome} {p.Truth.OnsetAt:O} {p.Truth.Risk} {p.Truth.Propensity}",
            string.Join(";", p.Visits.Select(v => $"{v.Kind} {v.Start:O} {v.End:O} {string.Join(",", v.Measurements)}")),
            string.Join(";", p.Conditions));

    internal static string DescribeIdentity(PersonIdentity identity)
    {
        var d = identity.Demographics;
        return $"{identity.PersonId} {d.FamilyName} {string.Join(" ", d.GivenNames)} {d.BirthDate:O} {d.Sex} {d.AddressLine} {d.City} {d.State} {d.PostalCode} {d.Phone} {identity.Ssn}";
    }

    private static int BaselineAge(DateOnly birthDate, DateOnly date)
    {
        var age = date.Year - birthDate.Year;
        return date < birthDate.AddYears(age) ? age - 1 : age;
    }

    [GeneratedRegex(@"^9\d{2}-\d{2}-\d{4}$")]
    private static partial Regex Ssn();

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex Zip();

    [GeneratedRegex(@"^\d{3}-\d{3}-\d{4}$")]
    private static partial Regex Phone();
}
