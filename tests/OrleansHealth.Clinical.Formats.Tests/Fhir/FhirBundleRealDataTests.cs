using OrleansHealth.Clinical.Formats.Fhir;
using OrleansHealth.Clinical.Formats.Tests.Support;

namespace OrleansHealth.Clinical.Formats.Tests.Fhir;

public sealed class FhirBundleRealDataTests
{
    private const string BibiId = "475d72ca-91c7-7211-97e3-f000af33fc04";

    public static TheoryData<string> Bundles => SharedData.FilesIn("fhir-bundles", "*.json");

    [Theory]
    [MemberData(nameof(Bundles))]
    public async Task EveryReferenceBundle_Reads_WithNoRejection(string file)
    {
        var items = await ReaderRun.ReadFileAsync(new FhirJsonReader(), SharedData.Path("fhir-bundles", file));

        Assert.True(items.Rejections().Count == 0, items.Rejections().Describe());
        Assert.NotEmpty(items);
    }

    [Fact]
    public async Task PatientBundle_YieldsExactFactsAndSkips()
    {
        var items = await ReaderRun.ReadFileAsync(new FhirJsonReader(), SharedData.Bundle("Bibi254"));

        Assert.Single(items.Facts<PatientFact>());
        // 16 Observations: 15 with a value, and blood pressure split into its 2 components.
        Assert.Equal(17, items.Facts<ObservationFact>().Count);
        var events = items.Facts<EventFact>().GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(
            new Dictionary<EventKind, int>
            {
                [EventKind.Encounter] = 13,
                [EventKind.Immunization] = 18,
                [EventKind.Condition] = 9,
                [EventKind.Procedure] = 1,
            },
            events);
        var skipped = items.Skips().GroupBy(s => s.ResourceType).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["Organization"] = 2,
                ["Practitioner"] = 2,
                ["Claim"] = 13,
                ["ExplanationOfBenefit"] = 13,
                ["DiagnosticReport"] = 2,
                ["CareTeam"] = 2,
                ["CarePlan"] = 2,
            },
            skipped);
    }

    [Fact]
    public async Task PatientBundle_ResolvesEveryUrnUuidSubject_ToThePatientsId()
    {
        var items = await ReaderRun.ReadFileAsync(new FhirJsonReader(), SharedData.Bundle("Bibi254"));

        var subjects = items.OfType<FactRead>().Select(read => read.Subject).Distinct().ToList();
        Assert.Equal([SubjectRef.Local(BibiId)], subjects);
    }

    [Fact]
    public async Task PatientBundle_BodyWeight_HasValueUnitAndTime()
    {
        var items = await ReaderRun.ReadFileAsync(new FhirJsonReader(), SharedData.Bundle("Bibi254"));

        var weight = Assert.Single(items.Facts<ObservationFact>(), o => o.Code.Code == "29463-7");
        Assert.Equal(36, weight.Value);
        Assert.Equal("kg", weight.Unit);
        Assert.Equal(new ClinicalCode(CodeSystems.Loinc, "29463-7", "Body Weight"), weight.Code);
        Assert.Equal(new DateTimeOffset(2020, 3, 6, 20, 20, 23, TimeSpan.FromHours(-8)), weight.EffectiveAt);
    }

    [Fact]
    public async Task PatientBundle_BloodPressure_IsSplitIntoSystolicAndDiastolic()
    {
        var items = await ReaderRun.ReadFileAsync(new FhirJsonReader(), SharedData.Bundle("Bibi254"));

        var observations = items.Facts<ObservationFact>();
        Assert.DoesNotContain(observations, o => o.Code.Code == "85354-9");
        var systolic = Assert.Single(observations, o => o.Code.Code == "8480-6");
        var diastolic = Assert.Single(observations, o => o.Code.Code == "8462-4");
        var panelId = systolic.RecordId[..systolic.RecordId.IndexOf('#')];
        Assert.StartsWith("Observation/", panelId);
        Assert.Equal($"{panelId}#8480-6", systolic.RecordId);
        Assert.Equal($"{panelId}#8462-4", diastolic.RecordId);
        Assert.Equal("mm[Hg]", systolic.Unit);
        Assert.Equal("mm[Hg]", diastolic.Unit);
        Assert.True(systolic.Value > diastolic.Value, $"systolic {systolic.Value} should exceed diastolic {diastolic.Value}");
    }

    [Fact]
    public async Task PatientBundle_Patient_HasDemographicsFromTheResource()
    {
        var items = await ReaderRun.ReadFileAsync(new FhirJsonReader(), SharedData.Bundle("Bibi254"));

        var read = items.Single<PatientFact>();
        var patient = (PatientFact)read.Fact;
        Assert.Equal(SubjectRef.Local(BibiId), read.Subject);
        Assert.Equal($"Patient/{BibiId}", patient.RecordId);
        var demographics = patient.Demographics;
        Assert.Equal("Schowalter414", demographics.FamilyName);
        Assert.Equal(["Bibi254"], demographics.GivenNames);
        Assert.Equal(new DateOnly(2009, 4, 29), demographics.BirthDate);
        Assert.Equal(AdministrativeSex.Female, demographics.Sex);
        Assert.Equal("346 Marvin Divide Suite 33", demographics.AddressLine);
        Assert.Equal("Westborough", demographics.City);
        Assert.Equal("01581", demographics.PostalCode);
        Assert.Equal("555-259-9533", demographics.Phone);
        Assert.Contains(new PatientIdentifier(CodeSystems.Ssn, "999-97-5872"), demographics.Identifiers);
        Assert.Equal(1, read.Line);
    }

    [Fact]
    public async Task HospitalBundle_SkipsEveryOrganization()
    {
        var items = await ReaderRun.ReadFileAsync(new FhirJsonReader(), SharedData.Bundle("hospitalInformation"));

        Assert.Equal(17, items.Count);
        Assert.All(items, item => Assert.Equal("Organization", Assert.IsType<RecordSkipped>(item).ResourceType));
        Assert.Equal(Enumerable.Range(1, 17), items.Select(item => item.Line));
    }
}
