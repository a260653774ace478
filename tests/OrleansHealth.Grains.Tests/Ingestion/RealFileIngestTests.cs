using OrleansHealth.Clinical.Formats.Csv;
using OrleansHealth.Identity;
using OrleansHealth.Patients;
using OrleansHealth.TestSupport;

namespace OrleansHealth.Grains.Tests.Ingestion;

/// <summary>The real public files ingest with nothing rejected, and known values come out of the profiles.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RealFileIngestTests(ClusterFixture fixture)
{
    private readonly IngestHarness _ingest = new(fixture);

    private static string Data(params string[] parts) => Path.Combine([RepositoryPaths.SharedData, .. parts]);

    private async Task<OrleansHealth.Clinical.Profiles.PatientProfile> ProfileOfAsync(string sourceId, string localId)
    {
        var patientId = await fixture.PatientOfAsync(sourceId, localId);
        return (await fixture.Grains.GetGrain<IPatientGrain>(patientId!).GetProfileAsync())!;
    }

    [Fact]
    public async Task FhirBundles_AllIngest_AndTheLatestBodyWeightIsKnown()
    {
        var source = await _ingest.RegisterAsync("real-bundles");
        foreach (var file in Directory.GetFiles(Data("fhir-bundles"), "*.json"))
        {
            var report = await _ingest.IngestFileAsync(source, IngestHarness.Bundle, file);
            Assert.Equal(0, report.Rejected);
        }

        var profile = await ProfileOfAsync("real-bundles", "d4519c92-d241-b2b2-7360-291d60be699e");
        var weight = profile.Observations.Values.Single(o => o.Fact.Code.Code == "29463-7").Fact;
        Assert.Equal((63.0, "kg"), (weight.Value, weight.Unit));
        Assert.Equal("Rath779", profile.Demographics["familyName"].Current.Value);
        // Blood pressure panels arrive as components and are stored per component code.
        Assert.Contains(profile.Observations.Values, o => o.Fact.Code.Code == "8480-6");
        Assert.Contains(profile.Observations.Values, o => o.Fact.Code.Code == "8462-4");
    }

    [Fact]
    public async Task FhirNdjson_AllFilesIngest_WithPatientsFirst()
    {
        var source = await _ingest.RegisterAsync("real-bulk", format: OrleansHealth.Sources.SourceFormat.FhirNdjson);
        var counts = new Dictionary<string, (int Accepted, int Skipped)>();
        foreach (var type in new[] { "Patient", "Condition", "Encounter", "Immunization", "AllergyIntolerance", "Organization", "Practitioner" })
        {
            var report = await _ingest.IngestFileAsync(source, IngestHarness.Ndjson, Data("fhir-ndjson", $"{type}.000.ndjson"));
            Assert.Equal(0, report.Rejected);
            counts[type] = (report.Accepted, report.Skipped);
        }

        Assert.Equal((13, 0), counts["Patient"]);
        Assert.Equal((555, 0), counts["Condition"]);
        Assert.Equal((1215, 0), counts["Encounter"]);
        Assert.Equal((0, 43), counts["Organization"]);
    }

    [Fact]
    public async Task SyntheaCsv_AllFiveKindsIngest_AndTheLatestBodyWeightIsKnown()
    {
        var source = await _ingest.RegisterAsync("real-csv", format: OrleansHealth.Sources.SourceFormat.Csv);
        foreach (var (kind, file) in new[]
        {
            (SyntheaCsvKind.Patients, "patients.csv"), (SyntheaCsvKind.Observations, "observations.csv"),
            (SyntheaCsvKind.Conditions, "conditions.csv"), (SyntheaCsvKind.Medications, "medications.csv"),
            (SyntheaCsvKind.Encounters, "encounters.csv"),
        })
        {
            var report = await _ingest.IngestFileAsync(source, IngestHarness.Synthea(kind), Data("synthea-csv", file));
            Assert.Equal(0, report.Rejected);
        }

        var profile = await ProfileOfAsync("real-csv", "3edac2e3-d223-6fae-d515-daf96ef6bc76");
        var weight = profile.Observations.Values.Single(o => o.Fact.Code.Code == "29463-7").Fact;
        Assert.Equal((27.8, "kg"), (weight.Value, weight.Unit));
        Assert.Equal(new DateTimeOffset(2023, 10, 10, 4, 17, 47, TimeSpan.Zero), weight.EffectiveAt);
        Assert.Equal("999-17-5017", profile.Identifiers.Values.Single(i => i.Identifier.System == OrleansHealth.Clinical.Model.CodeSystems.Ssn).Identifier.Value);
    }

    [Fact]
    public async Task Replay_OfAWholeFile_IsAllDuplicates()
    {
        var source = await _ingest.RegisterAsync("replay");
        var file = Directory.GetFiles(Data("fhir-bundles"), "Pablo44*.json").Single();

        var first = await _ingest.IngestFileAsync(source, IngestHarness.Bundle, file);
        var second = await _ingest.IngestFileAsync(source, IngestHarness.Bundle, file);

        Assert.True(first.Accepted > 0);
        Assert.Equal((0, first.Accepted, first.Skipped), (second.Accepted, second.Duplicates, second.Skipped));
        var statistics = (await fixture.Grains.GetGrain<OrleansHealth.Sources.IDataSourceGrain>("replay").GetAsync())!.Statistics;
        Assert.Equal(first.Accepted, statistics.Duplicates);
        Assert.Equal(1, statistics.PatientsTouched);
    }
}
