using OrleansHealth.Identity;
using OrleansHealth.Patients;

namespace OrleansHealth.Grains.Tests.Ingestion;

/// <summary>Records from different sources about one person reach one patient grain; uncertain ones go to review.</summary>
[Collection(ClusterCollection.Name)]
public sealed class IdentityLinkingTests(ClusterFixture fixture)
{
    private readonly IngestHarness _ingest = new(fixture);

    private static string Patient(string id, string family, string given, string birthDate, string? ssn = null, string? phone = null,
        string? zip = null, string gender = "male") =>
        $$"""
        {"resourceType":"Patient","id":"{{id}}","gender":"{{gender}}","birthDate":"{{birthDate}}",
         "name":[{"family":"{{family}}","given":["{{given}}"]}]
         {{(ssn is null ? "" : $$""","identifier":[{"system":"http://hl7.org/fhir/sid/us-ssn","value":"{{ssn}}"}]""")}}
         {{(phone is null ? "" : $$""","telecom":[{"system":"phone","value":"{{phone}}"}]""")}}
         {{(zip is null ? "" : $$""","address":[{"line":["1 Main St"],"city":"Springfield","postalCode":"{{zip}}"}]""")}}}
        """.ReplaceLineEndings(" ");

    private Task<string?> PatientOfAsync(string sourceId, string localId) => fixture.PatientOfAsync(sourceId, localId);

    private async Task IngestAsync(string sourceId, int trust, params string[] patients)
    {
        var source = await _ingest.RegisterAsync(sourceId, trust);
        var report = await _ingest.IngestAsync(source, IngestHarness.Ndjson, string.Join('\n', patients));
        Assert.Equal(0, report.Rejected);
    }

    [Fact]
    public async Task SharedSsn_LinksDespiteDifferentNames()
    {
        await IngestAsync("link-ssn-a", 80, Patient("a1", "Okafor", "Chidi", "1975-06-21", ssn: "321-54-9876"));
        await IngestAsync("link-ssn-b", 20, Patient("b7", "Okafour", "C", "1975-06-21", ssn: "321549876"));

        var a = await PatientOfAsync("link-ssn-a", "a1");
        Assert.NotNull(a);
        Assert.Equal(a, await PatientOfAsync("link-ssn-b", "b7"));
        var profile = (await fixture.Grains.GetGrain<IPatientGrain>(a!).GetProfileAsync())!;
        Assert.Equal("Okafor", profile.Demographics["familyName"].Current.Value);
        Assert.Equal(["link-ssn-a|a1", "link-ssn-b|b7"], profile.SourceLinks);
    }

    [Fact]
    public async Task NoSharedIdentifier_TypoNicknameAndSwappedDate_StillLinkProbabilistically()
    {
        await IngestAsync("link-prob-a", 60, Patient("x1", "Vandermeer", "Robert", "1962-04-09", phone: "617-555-0142", zip: "02155"));
        await IngestAsync("link-prob-b", 60, Patient("y9", "Vandermeeer", "Bob", "1962-09-04", phone: "(617) 555 0142", zip: "02155"));

        Assert.Equal(await PatientOfAsync("link-prob-a", "x1"), await PatientOfAsync("link-prob-b", "y9"));
    }

    [Fact]
    public async Task SameNameDifferentPeople_StayApart()
    {
        await IngestAsync("apart-a", 60, Patient("s1", "Garcia", "Maria", "1988-01-15", phone: "305-555-0101", zip: "33101", gender: "female"));
        await IngestAsync("apart-b", 60, Patient("s2", "Garcia", "Maria", "1991-07-30", phone: "213-555-0199", zip: "90012", gender: "female"));

        Assert.NotEqual(await PatientOfAsync("apart-a", "s1"), await PatientOfAsync("apart-b", "s2"));
    }

    [Fact]
    public async Task UncertainMatch_GetsItsOwnPatientAndAReviewItem()
    {
        await IngestAsync("review-a", 60, Patient("r1", "Whitfield", "Eleanor", "1950-11-02", zip: "60614", gender: "female"));
        // Same name and birth year, other day, no phone or identifier: plausible, not proven.
        await IngestAsync("review-b", 60, Patient("r2", "Whitfield", "Eleanor", "1950-11-23", gender: "female"));

        var first = await PatientOfAsync("review-a", "r1");
        var second = await PatientOfAsync("review-b", "r2");
        var review = await fixture.Grains.GetGrain<IReviewQueueGrain>("review-b").ListAsync();

        Assert.NotEqual(first, second);
        var item = Assert.Single(review);
        Assert.Equal((second, first), (item.PatientId, item.CandidatePatientId));
        Assert.NotEmpty(item.FieldWeights);
    }

    [Fact]
    public async Task SamePersonSentConcurrentlyByThreeSources_EndsAsOnePatient()
    {
        var sources = new[] { "race-a", "race-b", "race-c" };
        await Task.WhenAll(sources.Select((s, i) => IngestAsync(s, 50,
            Patient($"local-{i}", "Abernathy", "Quentin", "1979-12-01", ssn: "555-44-3333", phone: "555-867-5309", zip: "10001"))));

        var ids = await Task.WhenAll(sources.Select((s, i) => PatientOfAsync(s, $"local-{i}")));

        Assert.Single(ids.Distinct());
    }

    [Fact]
    public async Task SamePersonTwiceInOneChunk_UnderTwoLocalIdsWithoutIdentifiers_EndsAsOnePatient()
    {
        // Both records are resolved in the same batch: neither is in the block when candidates are
        // read, so the block's admission of the first must catch the second.
        await IngestAsync("one-chunk", 60,
            Patient("m1", "Lindqvist", "Astrid", "1958-03-27", phone: "612-555-0177", zip: "55401", gender: "female"),
            Patient("m2", "Lindqvist", "Astrid", "1958-03-27", phone: "612-555-0177", zip: "55401", gender: "female"),
            Patient("m3", "Lindqvist", "Astrid", "1993-11-02", phone: "651-555-0123", zip: "55101", gender: "female"));

        var first = await PatientOfAsync("one-chunk", "m1");
        Assert.NotNull(first);
        Assert.Equal(first, await PatientOfAsync("one-chunk", "m2"));
        Assert.NotEqual(first, await PatientOfAsync("one-chunk", "m3"));
    }
}
