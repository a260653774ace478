using OrleansHealth.Clinical.Profiles;

namespace OrleansHealth.Clinical.Tests.Profiles;

public sealed class ProfileMergerTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static PatientBatch Batch(string source, int trust, params PatientFact[] patients) =>
        new(source, trust, Received, ["local-1"], patients, [], []);

    private static PatientBatch Facts(string source, IReadOnlyList<ObservationFact> observations, IReadOnlyList<EventFact>? events = null) =>
        new(source, 50, Received, [], [], observations, events ?? []);

    [Fact]
    public void Apply_HigherTrustRank_WinsAndTheLoserIsKeptAsAlternative()
    {
        var profile = new PatientProfile();
        ProfileMerger.Apply(profile, Batch("claims", 20, Tests.Facts.Patient(Tests.Facts.Person(family: "Smyth"), "Patient/c1")));
        ProfileMerger.Apply(profile, Batch("ehr", 80, Tests.Facts.Patient(Tests.Facts.Person(family: "Smith"), "Patient/e1")));

        var family = profile.Demographics[DemographicFields.FamilyName];
        Assert.Equal("Smith", family.Current.Value);
        Assert.Equal(new Provenance("ehr", "Patient/e1", Received, 80), family.Current.Source);
        Assert.Equal("Smyth", Assert.Single(family.Alternatives).Value);
    }

    [Fact]
    public void Apply_LowerTrustRankLater_DoesNotOverrideButIsKept()
    {
        var profile = new PatientProfile();
        ProfileMerger.Apply(profile, Batch("ehr", 80, Tests.Facts.Patient(Tests.Facts.Person(phone: "555-0100"), "Patient/e1")));
        ProfileMerger.Apply(profile, Batch("wearable", 10, Tests.Facts.Patient(Tests.Facts.Person(phone: "555-0199"), "Patient/w1",
            assertedAt: Received.AddDays(30))));

        var phone = profile.Demographics[DemographicFields.Phone];
        Assert.Equal("555-0100", phone.Current.Value);
        Assert.Equal(["555-0199"], phone.Alternatives.Select(a => a.Value));
    }

    [Fact]
    public void Apply_EqualTrustRank_MoreRecentStatementWins()
    {
        var profile = new PatientProfile();
        var older = Tests.Facts.Patient(Tests.Facts.Person(postal: "02155"), "Patient/a", assertedAt: new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var newer = Tests.Facts.Patient(Tests.Facts.Person(postal: "02139"), "Patient/b", assertedAt: new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        ProfileMerger.Apply(profile, Batch("lab", 50, newer));
        ProfileMerger.Apply(profile, Batch("ehr", 50, older));

        Assert.Equal("02139", profile.Demographics[DemographicFields.PostalCode].Current.Value);
        Assert.Equal("lab", profile.Demographics[DemographicFields.PostalCode].Current.Source.SourceId);
    }

    [Fact]
    public void Apply_MissingFieldInARecord_NeverErasesAKnownValue()
    {
        var profile = new PatientProfile();
        ProfileMerger.Apply(profile, Batch("ehr", 50, Tests.Facts.Patient(Tests.Facts.Person(phone: "555-0100"), "Patient/1")));
        ProfileMerger.Apply(profile, Batch("ehr", 90, Tests.Facts.Patient(Tests.Facts.Person(phone: null), "Patient/2")));

        Assert.Equal("555-0100", profile.Demographics[DemographicFields.Phone].Current.Value);
    }

    [Fact]
    public void Apply_SameValueFromTwoSources_IsOneValueWithTheBetterProvenance()
    {
        var profile = new PatientProfile();
        ProfileMerger.Apply(profile, Batch("a", 10, Tests.Facts.Patient(Tests.Facts.Person(family: "Lee"), "Patient/a")));
        ProfileMerger.Apply(profile, Batch("b", 60, Tests.Facts.Patient(Tests.Facts.Person(family: "Lee"), "Patient/b")));

        var family = profile.Demographics[DemographicFields.FamilyName];
        Assert.Equal("b", family.Current.Source.SourceId);
        Assert.Empty(family.Alternatives);
    }

    [Fact]
    public void Apply_SameBatchTwice_SecondTimeIsAllDuplicatesAndChangesNothing()
    {
        var profile = new PatientProfile();
        var batch = new PatientBatch("ehr", 50, Received, ["l1"], [Tests.Facts.Patient(Tests.Facts.Person(), "Patient/1")],
            [Tests.Facts.Observation("29463-7", 70, "kg", "Observation/1")], [Tests.Facts.Condition("44054006")]);

        var first = ProfileMerger.Apply(profile, batch);
        var version = profile.Version;
        var second = ProfileMerger.Apply(profile, batch with { ReceivedAt = Received.AddHours(1) });

        Assert.Equal(new ApplyOutcome(3, 0), first);
        Assert.Equal(new ApplyOutcome(0, 3), second);
        Assert.Equal(version, profile.Version);
        Assert.Equal(Received, profile.Observations["ehr|Observation/1"].Source.AssertedAt);
    }

    [Fact]
    public void Apply_CorrectedRecordWithTheSameId_ReplacesTheOldOne()
    {
        var profile = new PatientProfile();
        ProfileMerger.Apply(profile, Facts("lab", [Tests.Facts.Observation("2339-0", 300, "mg/dL", "Observation/9")]));
        var outcome = ProfileMerger.Apply(profile, Facts("lab", [Tests.Facts.Observation("2339-0", 103, "mg/dL", "Observation/9")]));

        Assert.Equal(new ApplyOutcome(1, 0), outcome);
        Assert.Equal(103, Assert.Single(profile.Observations).Value.Fact.Value);
    }

    [Fact]
    public void Apply_SameRecordIdFromTwoSources_AreTwoRecords()
    {
        var profile = new PatientProfile();
        ProfileMerger.Apply(profile, Facts("lab-a", [Tests.Facts.Observation("2339-0", 100, "mg/dL", "Observation/1")]));
        var outcome = ProfileMerger.Apply(profile, Facts("lab-b", [Tests.Facts.Observation("2339-0", 100, "mg/dL", "Observation/1")]));

        Assert.Equal(new ApplyOutcome(1, 0), outcome);
        Assert.Equal(2, profile.Observations.Count);
    }

    [Fact]
    public void Apply_Identifiers_AccumulateAcrossSources()
    {
        var profile = new PatientProfile();
        var ssn = new PatientIdentifier(CodeSystems.Ssn, "999-12-3456");
        var mrn = new PatientIdentifier("https://st-mary.example/mrn", "A17");
        ProfileMerger.Apply(profile, Batch("ehr", 50, Tests.Facts.Patient(Tests.Facts.Person(identifiers: [ssn, mrn]), "Patient/1")));
        ProfileMerger.Apply(profile, Batch("claims", 20, Tests.Facts.Patient(Tests.Facts.Person(identifiers: [ssn]), "Patient/2")));

        Assert.Equal([ssn.ToString(), mrn.ToString()], profile.Identifiers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("ehr", profile.Identifiers[ssn.ToString()].Source.SourceId);
    }

    [Fact]
    public void Apply_RecordsTheSourceLocalIds()
    {
        var profile = new PatientProfile();

        ProfileMerger.Apply(profile, Batch("ehr", 50, Tests.Facts.Patient(Tests.Facts.Person(), "Patient/1")));

        Assert.Equal(["ehr|local-1"], profile.SourceLinks);
    }
}
