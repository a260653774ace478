using OrleansHealth.Clinical.Identity.Comparison;
using OrleansHealth.Clinical.Identity.Identifiers;
using OrleansHealth.Clinical.Identity.Resolution;
using OrleansHealth.Clinical.Identity.Scoring;
using OrleansHealth.Clinical.Identity.Tests.Fixtures;
using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Identity.Tests.Resolution;

public sealed class MasterPatientIndexTests
{
    private readonly MasterPatientIndex index = new(new SequentialEnterpriseIdFactory("E"));

    [Fact]
    public void Resolve_FirstRecord_NewPatientWithFactoryId()
    {
        var result = index.Resolve("ehr-a", "1", People.Robert);

        Assert.Equal(new ResolveResult("E00000001", ResolutionKind.NewPatient), result);
        Assert.Equal(0, index.Comparisons);
    }

    [Fact]
    public void Resolve_SameSsnDifferentSpelling_IdentifierMatch()
    {
        var first = index.Resolve("ehr-a", "1", People.Robert);
        var other = People.Person("Roberto", "Mosciski-Ruiz", new DateOnly(1984, 3, 8), ssn: "999 17 5017");

        var second = index.Resolve("lab-b", "9", other);

        Assert.Equal(new ResolveResult(first.EnterpriseId, ResolutionKind.IdentifierMatch), second);
        Assert.Empty(index.ReviewItems);
    }

    [Fact]
    public void Resolve_NicknameTypoAndOtherPhoneFormatWithoutSsn_ProbabilisticMatch()
    {
        var first = index.Resolve("ehr-a", "1", People.Robert);
        var noisy = People.Robert.WithoutIdentifiers().WithGiven("BOB") with
        {
            FamilyName = "MOSCSIKI",
            Phone = "(555) 259-9533",
            PostalCode = null,
        };

        var second = index.Resolve("lab-b", "77", noisy);

        Assert.Equal(first.EnterpriseId, second.EnterpriseId);
        Assert.Equal(ResolutionKind.ProbabilisticMatch, second.Kind);
        Assert.True(second.Score >= MatchPolicy.Default.Upper, $"score {second.Score}");
        Assert.Null(second.CandidateEnterpriseId);
        Assert.Equal(FieldAgreement.Nickname, second.Explanation!.Fields[(int)MatchField.GivenName].Agreement);
        Assert.Equal(1, index.Comparisons);
    }

    [Fact]
    public void Resolve_ReviewBand_NewPatientAndReviewItem()
    {
        var first = index.Resolve("ehr-a", "1", People.Robert);
        // Typo in the family name, a nickname, a one-digit birth-date error and nothing else to go on:
        // 5.32 + 4.91 + 5.97 + 0.97 ≈ 17.2 bits, between the default thresholds 10 and 20.
        var doubtful = People.Person("Bob", "Mosciskl", new DateOnly(1984, 3, 9), AdministrativeSex.Male);

        var second = index.Resolve("lab-b", "2", doubtful);

        Assert.Equal("E00000002", second.EnterpriseId);
        Assert.Equal(ResolutionKind.NewPatientPendingReview, second.Kind);
        Assert.Equal(first.EnterpriseId, second.CandidateEnterpriseId);
        Assert.Equal(Math.Log2(0.08 / 0.002) + Math.Log2(0.06 / 0.002) + Math.Log2(0.05 / 8e-4) + Math.Log2(0.98 / 0.5), second.Score!.Value, 9);
        var item = Assert.Single(index.ReviewItems);
        Assert.Equal(("lab-b", "2", "E00000002", first.EnterpriseId, ReviewReason.PossibleMatch), (item.SourceId, item.LocalId, item.EnterpriseId, item.CandidateEnterpriseId, item.Reason));
        Assert.Equal(second.Explanation, item.Score);
    }

    [Fact]
    public void Resolve_SameRecordAgain_ExistingLinkSameId()
    {
        var first = index.Resolve("ehr-a", "1", People.Robert);

        var again = index.Resolve("ehr-a", "1", People.Robert);
        var moved = index.Resolve("ehr-a", "1", People.Robert with { AddressLine = "1 New Road", PostalCode = "90210" });

        Assert.Equal(new ResolveResult(first.EnterpriseId, ResolutionKind.ExistingLink), again);
        Assert.Equal(new ResolveResult(first.EnterpriseId, ResolutionKind.ExistingLink), moved);
        Assert.Equal(1, index.RecordCount);
    }

    [Fact]
    public void Resolve_AfterRecordMoved_NewAddressFindsIt()
    {
        var first = index.Resolve("ehr-a", "1", People.Robert.WithoutIdentifiers());
        var moved = People.Robert.WithoutIdentifiers() with { FamilyName = "Kemmer", AddressLine = "1 New Road", PostalCode = "90210", Phone = "617-555-0199" };
        index.Resolve("ehr-a", "1", moved);

        // Another source knows the person under the new family name only, with a swapped date (the old name's blocks would not find it).
        var second = index.Resolve("lab-b", "5", moved with { BirthDate = new DateOnly(1984, 7, 3), GivenNames = ["Bob"] });

        Assert.Equal(first.EnterpriseId, second.EnterpriseId);
        Assert.Equal(ResolutionKind.ProbabilisticMatch, second.Kind);
    }

    [Fact]
    public void Resolve_SameNameAndBirthYearDifferentPeople_KeptApart()
    {
        var first = index.Resolve("ehr-a", "1", People.Person("John", "Smith", new DateOnly(1970, 2, 14), AdministrativeSex.Male, "12 Main St", "02139", "617-555-0100"));

        var second = index.Resolve("lab-b", "1", People.Person("John", "Smith", new DateOnly(1970, 9, 28), AdministrativeSex.Male, "88 Elm Avenue", "01581", "508-555-0177"));

        Assert.NotEqual(first.EnterpriseId, second.EnterpriseId);
        Assert.Equal(ResolutionKind.NewPatient, second.Kind);
        Assert.Empty(index.ReviewItems);
        Assert.Equal(1, index.Comparisons);
    }

    [Fact]
    public void Resolve_TwinsWithDifferentSsns_NewPatientWithoutReview()
    {
        var ann = Twin("Ann", ssn: "999-44-1001");
        var first = index.Resolve("ehr-a", "1", ann);

        var second = index.Resolve("ehr-a", "2", Twin("Alice", ssn: "999-71-3820"));

        Assert.NotEqual(first.EnterpriseId, second.EnterpriseId);
        Assert.Equal(ResolutionKind.NewPatient, second.Kind);
        Assert.Equal(DisagreementEffect.ForceNonMatch, second.Explanation!.Conflict);
        Assert.Empty(index.ReviewItems);
    }

    [Fact]
    public void Resolve_TwinsWithConsecutiveSsns_NewPatientPendingReview()
    {
        // Twins often get consecutive SSNs, which look like one typo apart: a person decides.
        var first = index.Resolve("ehr-a", "1", Twin("Ann", ssn: "999-44-1001"));

        var second = index.Resolve("ehr-a", "2", Twin("Alice", ssn: "999-44-1002"));

        Assert.NotEqual(first.EnterpriseId, second.EnterpriseId);
        Assert.Equal(ResolutionKind.NewPatientPendingReview, second.Kind);
        Assert.Equal(FieldAgreement.Typo, second.Explanation!.Fields[(int)MatchField.PersonIdentifier].Agreement);
    }

    [Fact]
    public void Resolve_TwinsWithoutSsns_NewPatientPendingReview()
    {
        var first = index.Resolve("ehr-a", "1", Twin("Ann", ssn: null));

        var second = index.Resolve("lab-b", "2", Twin("Alice", ssn: null));

        Assert.NotEqual(first.EnterpriseId, second.EnterpriseId);
        Assert.Equal(ResolutionKind.NewPatientPendingReview, second.Kind);
        Assert.Equal(first.EnterpriseId, second.CandidateEnterpriseId);
        Assert.Equal(DisagreementEffect.CapAtReview, second.Explanation!.Conflict);
        Assert.True(second.Score >= MatchPolicy.Default.Upper, $"the twins score {second.Score}: a plain sum would have merged them");
    }

    [Fact]
    public void Resolve_RecordOfOneTwin_LinksToThatTwinNotTheHigherScoringOther()
    {
        var ann = index.Resolve("ehr-a", "1", Twin("Ann", ssn: null));
        var alice = index.Resolve("ehr-a", "2", Twin("Alice", ssn: null) with { PostalCode = null, Phone = null });

        var aliceAgain = index.Resolve("lab-b", "7", Twin("Alice", ssn: null));

        Assert.Equal(alice.EnterpriseId, aliceAgain.EnterpriseId);
        Assert.NotEqual(ann.EnterpriseId, aliceAgain.EnterpriseId);
        Assert.Equal(ResolutionKind.ProbabilisticMatch, aliceAgain.Kind);
    }

    [Fact]
    public void Resolve_IdentifiersOfTwoPatients_FirstPriorityWinsAndConflictReviewed()
    {
        var passport = new PatientIdentifier(CodeSystems.Passport, "X1234567");
        var bySsn = index.Resolve("ehr-a", "1", People.Robert);
        var byPassport = index.Resolve("lab-b", "1", People.Person("Ann", "Lee", new DateOnly(1990, 1, 1), otherIdentifiers: passport));

        var both = index.Resolve("clinic-c", "1", People.Robert with { Identifiers = [passport, new PatientIdentifier(CodeSystems.Ssn, "999-17-5017")] });

        Assert.Equal(new ResolveResult(bySsn.EnterpriseId, ResolutionKind.IdentifierMatch), both);
        var item = Assert.Single(index.ReviewItems);
        Assert.Equal((bySsn.EnterpriseId, byPassport.EnterpriseId, ReviewReason.IdentifierConflict), (item.EnterpriseId, item.CandidateEnterpriseId, item.Reason));
    }

    [Fact]
    public void Resolve_SharedMrnSystemConfigured_LinksOnMrn()
    {
        const string regionalMrn = "urn:oid:2.16.840.1.113883.19.99";
        var mpi = new MasterPatientIndex(
            new SequentialEnterpriseIdFactory("P"),
            new MasterPatientIndexOptions { IdentifierSystems = PersonIdentifierSystems.Default.With(regionalMrn) });
        var mrn = new PatientIdentifier(regionalMrn, "A-77");
        var first = mpi.Resolve("ehr-a", "1", People.Person("Ann", "Lee", null, otherIdentifiers: mrn));

        var second = mpi.Resolve("lab-b", "1", People.Person("Zoe", "Park", null, otherIdentifiers: new PatientIdentifier(regionalMrn, "a77")));

        Assert.Equal(new ResolveResult("P00000001", ResolutionKind.IdentifierMatch), second);
        Assert.Equal("P00000001", first.EnterpriseId);
    }

    [Fact]
    public void Resolve_NoisyPopulation_PrecisionAndRecallOnTarget()
    {
        var records = NoisyPopulation.Create(persons: 400, seed: 11);

        var outcomes = records.Select(r => (Truth: r.PersonId, Predicted: index.Resolve(r.SourceId, r.LocalId, r.Demographics).EnterpriseId)).ToList();
        var quality = PairwiseQuality.Of(outcomes);

        Assert.True(quality.Precision >= 0.995, $"precision {quality.Precision:F4} ({quality})");
        Assert.True(quality.Recall >= 0.98, $"recall {quality.Recall:F4} ({quality})");
        Assert.Equal(records.Count, index.RecordCount);
    }

    [Fact]
    public void EnterpriseIdOf_ResolvedAndUnknownRecords()
    {
        var result = index.Resolve("ehr-a", "1", People.Robert);

        Assert.Equal(result.EnterpriseId, index.EnterpriseIdOf("ehr-a", "1"));
        Assert.Null(index.EnterpriseIdOf("ehr-a", "2"));
    }

    private static Demographics Twin(string given, string? ssn) =>
        People.Person(given, "Okuneva", new DateOnly(2001, 6, 15), AdministrativeSex.Female, "17 Kemmer Neck", "02155", "555-301-4477", ssn);
}
