using OrleansHealth.Clinical.Formats.Csv;
using OrleansHealth.Clinical.Formats.Tests.Support;

namespace OrleansHealth.Clinical.Formats.Tests.Csv;

public sealed class SyntheaCsvRealDataTests
{
    private const string Maynard = "3edac2e3-d223-6fae-d515-daf96ef6bc76";

    [Theory]
    [InlineData(SyntheaCsvKind.Patients, "patients", 27)]
    [InlineData(SyntheaCsvKind.Observations, "observations", 990)]
    [InlineData(SyntheaCsvKind.Conditions, "conditions", 438)]
    [InlineData(SyntheaCsvKind.Medications, "medications", 663)]
    [InlineData(SyntheaCsvKind.Encounters, "encounters", 604)]
    [InlineData(SyntheaCsvKind.Procedures, "procedures", 249)]
    public async Task ReferenceFile_ReadsEveryRow_WithNoRejection(SyntheaCsvKind kind, string file, int rows)
    {
        var items = await ReaderRun.ReadFileAsync(new SyntheaCsvReader(kind), SharedData.Synthea(file));

        Assert.True(items.Rejections().Count == 0, items.Rejections().Describe());
        Assert.Equal(rows, items.Count);
        Assert.Equal(Enumerable.Range(2, rows), items.Select(item => item.Line));
        Assert.All(items, item => Assert.False(Assert.IsType<FactRead>(item).Subject.IsMissing));
        Assert.Equal(rows, items.Select(item => ((FactRead)item).Fact.RecordId).Distinct().Count());
    }

    [Fact]
    public async Task PatientsFile_FirstPatient_HasIdentifiersAndDemographics()
    {
        var items = await ReaderRun.ReadFileAsync(new SyntheaCsvReader(SyntheaCsvKind.Patients), SharedData.Synthea("patients"));

        var read = (FactRead)items[0];
        Assert.Equal(SubjectRef.Local(Maynard), read.Subject);
        var patient = Assert.IsType<PatientFact>(read.Fact);
        Assert.Equal($"Patient/{Maynard}", patient.RecordId);
        Assert.Null(patient.AssertedAt);
        var demographics = patient.Demographics;
        Assert.Equal([new PatientIdentifier(CodeSystems.Ssn, "999-17-5017")], demographics.Identifiers);
        Assert.Equal("Mosciski958", demographics.FamilyName);
        Assert.Equal(["Maynard46"], demographics.GivenNames);
        Assert.Equal(new DateOnly(2014, 10, 6), demographics.BirthDate);
        Assert.Equal(AdministrativeSex.Male, demographics.Sex);
        Assert.Equal("784 Stamm Lock Unit 46", demographics.AddressLine);
        Assert.Equal("Somerville", demographics.City);
        Assert.Equal("Massachusetts", demographics.State);
        Assert.Equal("02155", demographics.PostalCode);
        Assert.Null(demographics.DeceasedDate);
    }

    [Fact]
    public async Task PatientsFile_CarriesSsnDriversAndPassportIdentifiers()
    {
        var items = await ReaderRun.ReadFileAsync(new SyntheaCsvReader(SyntheaCsvKind.Patients), SharedData.Synthea("patients"));

        var identifiers = items.Facts<PatientFact>().SelectMany(p => p.Demographics.Identifiers).GroupBy(i => i.System).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { [CodeSystems.Ssn] = 27, [CodeSystems.DriversLicense] = 19, [CodeSystems.Passport] = 19 }, identifiers);
        Assert.Equal(2, items.Facts<PatientFact>().Count(p => p.Demographics.DeceasedDate is not null));
    }

    [Fact]
    public async Task ObservationsFile_HasNumericAndTextValues_AsTypeSays()
    {
        var items = await ReaderRun.ReadFileAsync(new SyntheaCsvReader(SyntheaCsvKind.Observations), SharedData.Synthea("observations"));

        var observations = items.Facts<ObservationFact>();
        Assert.Equal(599, observations.Count(o => o.Value is not null));
        Assert.Equal(391, observations.Count(o => o.ValueText is not null));
        Assert.Equal(
            new ObservationFact(observations[0].RecordId, new ClinicalCode(CodeSystems.Loinc, "8302-2", "Body Height"), 127.9, "cm", null, null, new DateTimeOffset(2023, 10, 10, 4, 17, 47, TimeSpan.Zero)),
            observations[0]);
        Assert.Matches("^synthea-observations/sha256:[0-9a-f]{64}$", observations[0].RecordId);
        Assert.Equal(SubjectRef.Local(Maynard), ((FactRead)items[0]).Subject);
    }

    [Fact]
    public async Task ConditionsFile_FirstRow_IsAResolvedSnomedCondition()
    {
        var items = await ReaderRun.ReadFileAsync(new SyntheaCsvReader(SyntheaCsvKind.Conditions), SharedData.Synthea("conditions"));

        var condition = items.Facts<EventFact>()[0];
        Assert.Equal(EventKind.Condition, condition.Kind);
        Assert.Equal(new ClinicalCode(CodeSystems.Snomed, "195662009", "Acute viral pharyngitis (disorder)"), condition.Code);
        Assert.Equal(new DateTimeOffset(2023, 1, 27, 0, 0, 0, TimeSpan.Zero), condition.StartAt);
        Assert.Equal(new DateTimeOffset(2023, 2, 9, 0, 0, 0, TimeSpan.Zero), condition.EndAt);
        Assert.Equal("resolved", condition.Status);
    }

    [Fact]
    public async Task MedicationsFile_FirstRow_IsAnActiveRxNormMedication()
    {
        var items = await ReaderRun.ReadFileAsync(new SyntheaCsvReader(SyntheaCsvKind.Medications), SharedData.Synthea("medications"));

        var medication = items.Facts<EventFact>()[0];
        Assert.Equal(
            new EventFact(
                medication.RecordId,
                EventKind.Medication,
                new ClinicalCode(CodeSystems.RxNorm, "665078", "Loratadine 5 MG Chewable Tablet"),
                new DateTimeOffset(2009, 9, 27, 14, 12, 44, TimeSpan.Zero),
                null,
                "active"),
            medication);
    }

    [Fact]
    public async Task EncountersFile_FirstRow_IsKeyedByItsId()
    {
        var items = await ReaderRun.ReadFileAsync(new SyntheaCsvReader(SyntheaCsvKind.Encounters), SharedData.Synthea("encounters"));

        Assert.Equal(
            new EventFact(
                "Encounter/57f2562b-445c-f11c-ba40-edc55af3c84f",
                EventKind.Encounter,
                new ClinicalCode(CodeSystems.Snomed, "185345009", "Encounter for symptom"),
                new DateTimeOffset(2023, 1, 27, 16, 17, 47, TimeSpan.Zero),
                new DateTimeOffset(2023, 1, 27, 16, 32, 47, TimeSpan.Zero),
                null),
            items.Facts<EventFact>()[0]);
    }
}
