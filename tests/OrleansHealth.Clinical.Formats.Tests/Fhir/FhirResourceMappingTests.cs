using OrleansHealth.Clinical.Formats.Fhir;
using OrleansHealth.Clinical.Formats.Tests.Support;

namespace OrleansHealth.Clinical.Formats.Tests.Fhir;

/// <summary>How each resource type's elements land in the canonical facts, one resource at a time.</summary>
public sealed class FhirResourceMappingTests
{
    private static readonly ClinicalCode Height = new(CodeSystems.Loinc, "8302-2", "Body Height");

    private static async Task<T> SingleFactAsync<T>(string line) where T : IClinicalFact
    {
        var items = await ReaderRun.ReadTextAsync(new FhirNdjsonReader(), line);
        Assert.True(items.Rejections().Count == 0, items.Rejections().Describe());
        return Assert.IsType<T>(Assert.IsType<FactRead>(Assert.Single(items)).Fact);
    }

    [Fact]
    public async Task ValueQuantity_TakesTheUcumCodeAsUnit()
    {
        var fact = await SingleFactAsync<ObservationFact>(Samples.Observation());

        Assert.Equal(new ObservationFact("Observation/o1", Height, 120.5, "cm", null, null, new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero)), fact);
    }

    [Fact]
    public async Task ValueQuantity_WithoutCode_TakesTheUnitText()
    {
        var fact = await SingleFactAsync<ObservationFact>(Samples.Observation(extra: ""","valueQuantity":{"value":4,"unit":"inches"}"""));

        Assert.Equal(4, fact.Value);
        Assert.Equal("inches", fact.Unit);
    }

    [Fact]
    public async Task ValueCodeableConcept_IsTheValueCode()
    {
        var fact = await SingleFactAsync<ObservationFact>(
            Samples.Observation(extra: ""","valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"266919005","display":"Never smoker"}]}"""));

        Assert.Equal(new ClinicalCode(CodeSystems.Snomed, "266919005", "Never smoker"), fact.ValueCode);
        Assert.Null(fact.Value);
        Assert.Null(fact.ValueText);
    }

    [Fact]
    public async Task ValueString_IsTheValueText()
    {
        var fact = await SingleFactAsync<ObservationFact>(Samples.Observation(extra: ""","valueString":"tall for age" """));

        Assert.Equal("tall for age", fact.ValueText);
    }

    [Fact]
    public async Task EffectivePeriod_IsItsStart()
    {
        var fact = await SingleFactAsync<ObservationFact>(
            Samples.Observation(extra: ""","effectivePeriod":{"start":"2021-03-04T05:06:07+01:00","end":"2021-03-05"},"valueInteger":3"""));

        Assert.Equal(new DateTimeOffset(2021, 3, 4, 5, 6, 7, TimeSpan.FromHours(1)), fact.EffectiveAt);
        Assert.Equal(3, fact.Value);
    }

    [Fact]
    public async Task NoEffectiveTime_FallsBackToIssued()
    {
        var fact = await SingleFactAsync<ObservationFact>(Samples.Observation(extra: ""","issued":"2022-07-08T09:10:11.123Z","valueBoolean":true"""));

        Assert.Equal(new DateTimeOffset(2022, 7, 8, 9, 10, 11, 123, TimeSpan.Zero), fact.EffectiveAt);
        Assert.Equal("true", fact.ValueText);
    }

    [Fact]
    public async Task ObservationWithValueAndComponents_YieldsTheMainFactAndOnePerComponent()
    {
        const string components = ""","valueString":"panel note","component":[{"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},"valueQuantity":{"value":120,"system":"http://unitsofmeasure.org","code":"mm[Hg]"}},{"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},"valueQuantity":{"value":80,"system":"http://unitsofmeasure.org","code":"mm[Hg]"}}]""";

        var items = await ReaderRun.ReadTextAsync(new FhirNdjsonReader(), Samples.Observation(extra: components));

        Assert.Equal(
            [("Observation/o1", (double?)null, "panel note"), ("Observation/o1#8480-6", 120, null), ("Observation/o1#8462-4", 80, null)],
            items.Facts<ObservationFact>().Select(o => (o.RecordId, o.Value, o.ValueText)));
        Assert.All(items, item => Assert.Equal(1, item.Line));
    }

    [Fact]
    public async Task Condition_HasOnsetAbatementAndClinicalStatus()
    {
        var fact = await SingleFactAsync<EventFact>(Samples.Condition());

        Assert.Equal(
            new EventFact(
                "Condition/c1",
                EventKind.Condition,
                new ClinicalCode(CodeSystems.Snomed, "444814009", "Viral sinusitis"),
                new DateTimeOffset(2019, 5, 1, 10, 0, 0, TimeSpan.FromHours(2)),
                new DateTimeOffset(2019, 5, 20, 0, 0, 0, TimeSpan.Zero),
                "resolved"),
            fact);
    }

    [Fact]
    public async Task MedicationStatement_HasItsEffectivePeriod()
    {
        const string statement = """{"resourceType":"MedicationStatement","id":"s1","status":"completed","medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"308136"}]},"subject":{"reference":"Patient/p1"},"effectivePeriod":{"start":"2020-01-01","end":"2020-02-01"}}""";

        var fact = await SingleFactAsync<EventFact>(statement);

        Assert.Equal(
            new EventFact(
                "MedicationStatement/s1",
                EventKind.Medication,
                new ClinicalCode(CodeSystems.RxNorm, "308136"),
                new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2020, 2, 1, 0, 0, 0, TimeSpan.Zero),
                "completed"),
            fact);
    }

    [Fact]
    public async Task Encounter_WithoutType_IsCodedByItsClass()
    {
        const string encounter = """{"resourceType":"Encounter","id":"e1","status":"in-progress","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"IMP","display":"inpatient encounter"},"subject":{"reference":"Patient/p1"},"period":{"start":"2023-01-01T10:00:00Z"}}""";

        var fact = await SingleFactAsync<EventFact>(encounter);

        Assert.Equal(new ClinicalCode(CodeSystems.EncounterClass, "IMP", "inpatient encounter"), fact.Code);
        Assert.Equal("in-progress", fact.Status);
        Assert.Null(fact.EndAt);
    }

    [Fact]
    public async Task Immunization_HasVaccineCodeAndOccurrence()
    {
        const string immunization = """{"resourceType":"Immunization","id":"i1","status":"completed","vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"140","display":"Influenza"}]},"patient":{"reference":"Patient/p1"},"occurrenceDateTime":"2018-10-10T04:17:47Z"}""";

        var fact = await SingleFactAsync<EventFact>(immunization);

        Assert.Equal(
            new EventFact("Immunization/i1", EventKind.Immunization, new ClinicalCode(CodeSystems.Cvx, "140", "Influenza"), new DateTimeOffset(2018, 10, 10, 4, 17, 47, TimeSpan.Zero), null, "completed"),
            fact);
    }

    [Fact]
    public async Task Procedure_HasItsPerformedPeriod()
    {
        const string procedure = """{"resourceType":"Procedure","id":"x1","status":"completed","code":{"coding":[{"system":"http://snomed.info/sct","code":"430193006"}]},"subject":{"reference":"Patient/p1"},"performedPeriod":{"start":"2023-10-10T04:17:47Z","end":"2023-10-10T04:32:47Z"}}""";

        var fact = await SingleFactAsync<EventFact>(procedure);

        Assert.Equal(
            new EventFact(
                "Procedure/x1",
                EventKind.Procedure,
                new ClinicalCode(CodeSystems.Snomed, "430193006"),
                new DateTimeOffset(2023, 10, 10, 4, 17, 47, TimeSpan.Zero),
                new DateTimeOffset(2023, 10, 10, 4, 32, 47, TimeSpan.Zero),
                "completed"),
            fact);
    }

    [Fact]
    public async Task Patient_PrefersTheOfficialName_AndKeepsMetaLastUpdated()
    {
        const string patient = """{"resourceType":"Patient","id":"p1","meta":{"lastUpdated":"2024-05-06T07:08:09Z"},"name":[{"use":"maiden","family":"Old"},{"use":"official","family":"New","given":["Ann","Marie"]}],"telecom":[{"system":"email","value":"a@b.c"},{"system":"phone","value":"555-0100"}],"gender":"other","birthDate":"1970","deceasedDateTime":"2020-01-02T23:30:00-05:00","identifier":[{"value":"no-system"},{"system":"http://hl7.org/fhir/sid/passport-USA","value":"X1"}]}""";

        var fact = await SingleFactAsync<PatientFact>(patient);

        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero), fact.AssertedAt);
        var demographics = fact.Demographics;
        Assert.Equal("New", demographics.FamilyName);
        Assert.Equal(["Ann", "Marie"], demographics.GivenNames);
        Assert.Equal("555-0100", demographics.Phone);
        Assert.Equal(AdministrativeSex.Other, demographics.Sex);
        Assert.Null(demographics.BirthDate);
        Assert.Equal(new DateOnly(2020, 1, 2), demographics.DeceasedDate);
        Assert.Equal([new PatientIdentifier(CodeSystems.Passport, "X1")], demographics.Identifiers);
    }
}
