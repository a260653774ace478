using OrleansHealth.Clinical.Formats.Fhir;
using OrleansHealth.Clinical.Formats.Tests.Support;

namespace OrleansHealth.Clinical.Formats.Tests.Fhir;

public sealed class FhirNdjsonRealDataTests
{
    public static TheoryData<string> Files => SharedData.FilesIn("fhir-ndjson", "*.ndjson");

    [Theory]
    [MemberData(nameof(Files))]
    public async Task EveryReferenceFile_Reads_WithNoRejection(string file)
    {
        var items = await ReaderRun.ReadFileAsync(new FhirNdjsonReader(), SharedData.Path("fhir-ndjson", file));

        Assert.True(items.Rejections().Count == 0, items.Rejections().Describe());
        Assert.NotEmpty(items);
    }

    [Theory]
    [InlineData("Condition", EventKind.Condition, 555)]
    [InlineData("Encounter", EventKind.Encounter, 1215)]
    [InlineData("Immunization", EventKind.Immunization, 161)]
    [InlineData("AllergyIntolerance", EventKind.Allergy, 11)]
    public async Task EventFile_YieldsOneFactPerLine(string resourceType, EventKind kind, int count)
    {
        var items = await ReaderRun.ReadFileAsync(new FhirNdjsonReader(), SharedData.Ndjson(resourceType));

        var events = items.Facts<EventFact>();
        Assert.Equal(count, items.Count);
        Assert.Equal(count, events.Count);
        Assert.All(events, e => Assert.Equal(kind, e.Kind));
        Assert.Equal(Enumerable.Range(1, count), items.Select(item => item.Line));
        Assert.All(items.OfType<FactRead>(), read => Assert.False(read.Subject.IsMissing));
    }

    [Theory]
    [InlineData("Organization", 43)]
    [InlineData("Practitioner", 43)]
    public async Task NonClinicalFile_IsSkippedLineByLine(string resourceType, int count)
    {
        var items = await ReaderRun.ReadFileAsync(new FhirNdjsonReader(), SharedData.Ndjson(resourceType));

        Assert.Equal(count, items.Count);
        Assert.All(items, item => Assert.Equal(resourceType, Assert.IsType<RecordSkipped>(item).ResourceType));
    }

    [Fact]
    public async Task PatientFile_YieldsThirteenPatients_WithOfficialNameAndIdentifiers()
    {
        var items = await ReaderRun.ReadFileAsync(new FhirNdjsonReader(), SharedData.Ndjson("Patient"));

        var patients = items.Facts<PatientFact>();
        Assert.Equal(13, patients.Count);
        var first = (FactRead)items[0];
        var patient = (PatientFact)first.Fact;
        Assert.Equal(SubjectRef.Local("129c6ac7-8d06-89de-ad63-0204a93e76c3"), first.Subject);
        Assert.Equal("Patient/129c6ac7-8d06-89de-ad63-0204a93e76c3", patient.RecordId);
        Assert.Equal("Medhurst46", patient.Demographics.FamilyName);
        Assert.Equal(new DateOnly(1927, 5, 21), patient.Demographics.BirthDate);
        Assert.Equal(new DateOnly(1989, 5, 9), patient.Demographics.DeceasedDate);
        Assert.Equal("Emporia", patient.Demographics.City);
        Assert.Equal(
            [
                new PatientIdentifier("https://github.com/synthetichealth/synthea", "129c6ac7-8d06-89de-ad63-0204a93e76c3"),
                new PatientIdentifier("http://hospital.smarthealthit.org", "129c6ac7-8d06-89de-ad63-0204a93e76c3"),
                new PatientIdentifier(CodeSystems.Ssn, "999-94-5397"),
                new PatientIdentifier(CodeSystems.DriversLicense, "S99940903"),
                new PatientIdentifier("http://standardhealthrecord.org/fhir/StructureDefinition/passportNumber", "X53631011X"),
            ],
            patient.Demographics.Identifiers);
    }

    [Fact]
    public async Task EncounterFile_WithConditionalPractitionerReferences_KeepsTheEncounter()
    {
        var items = await ReaderRun.ReadFileAsync(new FhirNdjsonReader(), SharedData.Ndjson("Encounter"));

        var read = (FactRead)items[0];
        Assert.Contains("\"reference\":\"Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999974493\"", read.Raw);
        Assert.Equal(SubjectRef.Local("79a66c97-6131-3213-f3c9-4606946ab056"), read.Subject);
        Assert.Equal(
            new EventFact(
                "Encounter/00c7f717-4030-5582-2ed8-888ad2bc878e",
                EventKind.Encounter,
                new ClinicalCode(CodeSystems.Snomed, "185347001", "Encounter for problem (procedure)"),
                new DateTimeOffset(1989, 10, 4, 2, 25, 16, TimeSpan.FromHours(-4)),
                new DateTimeOffset(1989, 10, 4, 6, 20, 16, TimeSpan.FromHours(-4)),
                "finished"),
            read.Fact);
    }

    [Fact]
    public async Task AllergyFile_ReadsPatientReferenceAndClinicalStatus()
    {
        var items = await ReaderRun.ReadFileAsync(new FhirNdjsonReader(), SharedData.Ndjson("AllergyIntolerance"));

        var read = (FactRead)items[0];
        Assert.Equal(SubjectRef.Local("cbc86e51-9eca-3855-76ec-c058f72c5761"), read.Subject);
        Assert.Equal(
            new EventFact(
                "AllergyIntolerance/1b2ce4a9-9773-f40f-6692-cb4d1283a9ca",
                EventKind.Allergy,
                new ClinicalCode(CodeSystems.RxNorm, "1191", "Aspirin"),
                new DateTimeOffset(1996, 12, 27, 4, 21, 52, TimeSpan.FromHours(-5)),
                null,
                "active"),
            read.Fact);
    }
}
