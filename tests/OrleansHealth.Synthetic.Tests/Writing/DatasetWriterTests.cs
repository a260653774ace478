using System.Security.Cryptography;
using OrleansHealth.Synthetic.Sources;
using OrleansHealth.Synthetic.Tests.Support;
using OrleansHealth.Synthetic.Writing;

namespace OrleansHealth.Synthetic.Tests.Writing;

public sealed class DatasetWriterTests(WrittenDataset dataset) : IClassFixture<WrittenDataset>
{
    [Fact]
    public void Write_SameSeedTwice_ByteIdenticalFiles()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        var options = new DatasetWriteOptions { Format = OutputFormat.All, PatientsPerBundle = 7 };

        new DatasetWriter(Scenarios.Sources(700, seed: 99)).Write(first.Path, options);
        new DatasetWriter(Scenarios.Sources(700, seed: 99)).Write(second.Path, options);

        var firstFiles = Fingerprints(first.Path);
        Assert.True(firstFiles.Count > 30);
        Assert.Equal(firstFiles, Fingerprints(second.Path));
    }

    [Fact]
    public void Write_OtherSeed_OtherBytes()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        new DatasetWriter(Scenarios.Sources(50, seed: 1)).Write(first.Path);
        new DatasetWriter(Scenarios.Sources(50, seed: 2)).Write(second.Path);

        Assert.NotEqual(
            File.ReadAllBytes(Path.Combine(first.Path, "truth", "persons.csv")),
            File.ReadAllBytes(Path.Combine(second.Path, "truth", "persons.csv")));
    }

    [Fact]
    public void Write_LaysOutSourceFoldersAndTheTruth()
    {
        foreach (var source in dataset.Simulator.Sources)
        {
            Assert.True(File.Exists(dataset.PathOf(source.Id, "source.json")));
            Assert.Equal(
                ["conditions.csv", "encounters.csv", "medications.csv", "observations.csv", "patients.csv", "procedures.csv"],
                Directory.GetFiles(dataset.PathOf(source.Id, "csv")).Select(Path.GetFileName).Order());
            Assert.Equal(
                ["Condition.ndjson", "Encounter.ndjson", "MedicationRequest.ndjson", "Observation.ndjson", "Patient.ndjson", "Procedure.ndjson"],
                Directory.GetFiles(dataset.PathOf(source.Id, "ndjson")).Select(Path.GetFileName).Order());
        }

        Assert.Equal(
            ["identity.csv", "outcomes.csv", "persons.csv", "sources.csv"],
            Directory.GetFiles(dataset.PathOf("truth")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Identity_EveryLocalIdIsInTheSourcesFilesAndEveryPatientInTheFilesIsInIdentity()
    {
        var identity = CsvFile.Read(dataset.PathOf("truth", "identity.csv"));
        var persons = CsvFile.Read(dataset.PathOf("truth", "persons.csv")).Select(r => r["person_id"]).ToHashSet();
        foreach (var source in dataset.Simulator.Sources)
        {
            var expected = identity.Where(r => r["source_id"] == source.Id).Select(r => r["local_id"]).Order().ToArray();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, CsvFile.Read(dataset.PathOf(source.Id, "csv", "patients.csv")).Select(r => r["Id"]).Distinct().Order());
            Assert.Equal(expected, NdjsonIds(dataset.PathOf(source.Id, "ndjson", "Patient.ndjson")).Distinct().Order());
            Assert.Equal(expected, Directory.GetFiles(dataset.PathOf(source.Id, "fhir")).SelectMany(BundlePatientIds).Distinct().Order());
        }

        Assert.All(identity, r => Assert.Contains(r["person_id"], persons));
        Assert.Equal(identity.Count, identity.Select(r => (r["source_id"], r["local_id"])).Distinct().Count());
    }

    [Fact]
    public void Identity_EveryRecordOfASourceRefersToAPatientOfThatSource()
    {
        foreach (var source in dataset.Simulator.Sources)
        {
            var patients = CsvFile.Read(dataset.PathOf(source.Id, "csv", "patients.csv")).Select(r => r["Id"]).ToHashSet();
            var encounters = CsvFile.Read(dataset.PathOf(source.Id, "csv", "encounters.csv"));
            var encounterIds = encounters.Select(r => r["Id"]).ToHashSet();
            Assert.All(encounters, r => Assert.Contains(r["PATIENT"], patients));
            foreach (var file in new[] { "observations.csv", "conditions.csv", "medications.csv", "procedures.csv" })
            {
                Assert.All(CsvFile.Read(dataset.PathOf(source.Id, "csv", file)), r =>
                {
                    Assert.Contains(r["PATIENT"], patients);
                    Assert.Contains(r["ENCOUNTER"], encounterIds);
                });
            }
        }
    }

    [Fact]
    public void DuplicateSends_AppearTwiceInEveryFormat()
    {
        foreach (var summary in dataset.Summary.Sources)
        {
            Assert.True(summary.Resends > 0, $"{summary.SourceId} resent nobody");
            var expected = summary.Patients + summary.Resends;
            Assert.Equal(expected, CsvFile.Read(dataset.PathOf(summary.SourceId, "csv", "patients.csv")).Count);
            Assert.Equal(expected, NdjsonIds(dataset.PathOf(summary.SourceId, "ndjson", "Patient.ndjson")).Count());
            Assert.Equal(expected, Directory.GetFiles(dataset.PathOf(summary.SourceId, "fhir")).Length);
        }
    }

    [Fact]
    public void DuplicateSends_ResentBundleIsTheSameBytesAsItsOriginal()
    {
        var source = dataset.Simulator.Sources[0];
        var files = Directory.GetFiles(dataset.PathOf(source.Id, "fhir")).Order().Select(File.ReadAllBytes).ToArray();
        var pairs = 0;
        for (var i = 1; i < files.Length; i++)
        {
            pairs += files[i].AsSpan().SequenceEqual(files[i - 1]) ? 1 : 0;
        }

        Assert.Equal(dataset.Summary.Sources[0].Resends, pairs);
    }

    [Fact]
    public void Bundles_ManyPatientsPerBundle_NoPatientTwiceInOneBundle()
    {
        using var directory = new TempDirectory();
        var simulator = Scenarios.Sources(120, noise: NoiseRates.None with { DuplicateSend = 0.3 });

        var summary = new DatasetWriter(simulator).Write(directory.Path, new DatasetWriteOptions { Format = OutputFormat.Fhir, PatientsPerBundle = 10 });

        foreach (var source in summary.Sources)
        {
            var bundles = Directory.GetFiles(Path.Combine(directory.Path, source.SourceId, "fhir")).Select(BundlePatientIds).ToArray();
            Assert.All(bundles, ids => Assert.InRange(ids.Count, 1, 10));
            Assert.All(bundles, ids => Assert.Equal(ids.Count, ids.Distinct().Count()));
            Assert.Equal(source.Patients + source.Resends, bundles.Sum(ids => ids.Count));
        }
    }

    [Fact]
    public void Csv_HeadersAreSyntheasOwn()
    {
        var synthea = Scenarios.SharedDataFolder();
        foreach (var file in new[] { "patients.csv", "encounters.csv", "observations.csv", "conditions.csv", "medications.csv", "procedures.csv" })
        {
            var expected = File.ReadLines(Path.Combine(synthea, "synthea-csv", file)).First();
            foreach (var source in dataset.Simulator.Sources)
            {
                Assert.Equal(expected, File.ReadLines(dataset.PathOf(source.Id, "csv", file)).First());
            }
        }
    }

    [Fact]
    public void Units_AlternativeSourceReportsOtherUnitsAndTheOthersCanonicalOnes()
    {
        foreach (var source in dataset.Simulator.Sources)
        {
            var units = CsvFile.Read(dataset.PathOf(source.Id, "csv", "observations.csv")).GroupBy(r => r["CODE"]).ToDictionary(g => g.Key, g => g.Select(r => r["UNITS"]).Distinct().Single());
            var expected = source.Units == Clinical.UnitProfile.Alternative
                ? new Dictionary<string, string> { ["29463-7"] = "[lb_av]", ["8302-2"] = "[in_i]", ["2339-0"] = "mmol/L", ["8310-5"] = "[degF]", ["4548-4"] = "mmol/mol" }
                : new Dictionary<string, string> { ["29463-7"] = "kg", ["8302-2"] = "cm", ["2339-0"] = "mg/dL", ["8310-5"] = "Cel", ["4548-4"] = "%" };
            foreach (var (code, unit) in expected)
            {
                Assert.Equal(unit, units[code]);
            }

            Assert.Equal("mm[Hg]", units["8480-6"]);
            Assert.Equal("kg/m2", units["39156-5"]);
        }
    }

    [Fact]
    public void Outcomes_OneRowPerPersonAgreeingWithTheGenerator()
    {
        var rows = CsvFile.Read(dataset.PathOf("truth", "outcomes.csv"));
        var persons = dataset.Simulator.Population.GenerateAll();

        Assert.Equal(persons.Select(p => p.PersonId), rows.Select(r => r["person_id"]));
        Assert.Equal(persons.Select(p => TruthName(p.Truth.Treatment)), rows.Select(r => r["treatment"]));
        Assert.Equal(persons.Select(p => p.Truth.Outcome ? "true" : "false"), rows.Select(r => r["outcome"]));
        Assert.Equal(persons.Count(p => p.Truth.Outcome), dataset.Summary.Outcomes);
        Assert.All(rows, r => Assert.True(double.Parse(r["risk_metformin"], System.Globalization.CultureInfo.InvariantCulture) < double.Parse(r["risk_none"], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Summary_CountsMatchTheFiles()
    {
        foreach (var summary in dataset.Summary.Sources)
        {
            var observationLines = File.ReadLines(dataset.PathOf(summary.SourceId, "ndjson", "Observation.ndjson")).Count();
            var encounterRows = CsvFile.Read(dataset.PathOf(summary.SourceId, "csv", "encounters.csv")).Select(r => r["Id"]).Distinct().Count();

            Assert.Equal(["fhir-json", "fhir-ndjson", "csv"], summary.Formats);
            Assert.Equal(summary.Encounters, encounterRows);
            Assert.True(observationLines >= summary.Observations);
            Assert.Equal(Directory.GetFiles(dataset.PathOf(summary.SourceId), "*", SearchOption.AllDirectories).Length, summary.Files);
        }

        Assert.Equal(150, dataset.Summary.Persons);
        Assert.Equal(150, dataset.Summary.Untreated + dataset.Summary.Metformin + dataset.Summary.Lifestyle);
    }

    [Fact]
    public void FeedRenderer_DocumentsAreTheBytesTheWriterWrites()
    {
        var feeds = FeedRenderer.RenderAll(dataset.Simulator, FeedFormat.SyntheaCsv);

        foreach (var feed in feeds)
        {
            Assert.Equal(SyntheaFileOrder(), feed.Documents.Select(d => d.Name));
            Assert.All(feed.Documents, d =>
            {
                Assert.Equal("text/csv", d.ContentType);
                Assert.Equal(File.ReadAllBytes(dataset.PathOf(feed.Source.Id, "csv", d.Name)), d.Content);
            });
            Assert.Equal("synthea-patients", feed.Documents[0].CsvFormat);
        }
    }

    [Fact]
    public void FeedRenderer_PreferredFormats_OneDocumentSetPerSource()
    {
        var feeds = FeedRenderer.RenderAll(Scenarios.Sources(40));

        Assert.Equal(["application/fhir+json", "application/fhir+ndjson", "text/csv"], feeds.Select(f => f.Documents[0].ContentType));
        Assert.Equal("Patient.ndjson", feeds[1].Documents[0].Name);
        Assert.StartsWith("bundle-", feeds[0].Documents[0].Name, StringComparison.Ordinal);
    }

    private static string[] SyntheaFileOrder() => ["patients.csv", "encounters.csv", "observations.csv", "conditions.csv", "medications.csv", "procedures.csv"];

    private static string TruthName(Synthetic.Outcomes.Treatment treatment) => treatment switch
    {
        Synthetic.Outcomes.Treatment.None => "none",
        Synthetic.Outcomes.Treatment.Metformin => "metformin",
        _ => "lifestyle",
    };

    private static Dictionary<string, string> Fingerprints(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    private static IEnumerable<string> NdjsonIds(string file) =>
        File.ReadLines(file).Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!);

    private static List<string> BundlePatientIds(string file)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(file));
        return [.. document.RootElement.GetProperty("entry").EnumerateArray()
            .Select(e => e.GetProperty("resource"))
            .Where(r => r.GetProperty("resourceType").GetString() == "Patient")
            .Select(r => r.GetProperty("id").GetString()!)];
    }
}
