using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace OrleansHealth.Synthetic.Tests.Writing;

/// <summary>The hand-written FHIR JSON is valid R4 by Firely's strict parser, and its references resolve.</summary>
public sealed class FhirOutputTests(WrittenDataset dataset) : IClassFixture<WrittenDataset>
{
    private static readonly FhirJsonDeserializer Strict = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));

    [Fact]
    public void Bundles_EveryFileParsesStrictlyAsABatchWithResolvableReferences()
    {
        var types = new HashSet<string>();
        var referenceCount = 0;
        foreach (var source in dataset.Simulator.Sources)
        {
            var files = Directory.GetFiles(dataset.PathOf(source.Id, "fhir"), "*.json");
            Assert.NotEmpty(files);
            foreach (var file in files)
            {
                var json = File.ReadAllText(file);
                var bundle = Strict.Deserialize<Bundle>(json);
                Assert.Equal(Bundle.BundleType.Batch, bundle.Type);
                var fullUrls = bundle.Entry.Select(e => e.FullUrl).ToHashSet();
                Assert.Equal(bundle.Entry.Count, fullUrls.Count);
                foreach (var entry in bundle.Entry)
                {
                    var resource = Assert.IsAssignableFrom<Resource>(entry.Resource);
                    var request = Assert.IsType<Bundle.RequestComponent>(entry.Request);
                    Assert.Equal("urn:uuid:" + resource.Id, entry.FullUrl);
                    Assert.Equal(Bundle.HTTPVerb.POST, request.Method);
                    Assert.Equal(resource.TypeName, request.Url);
                    types.Add(resource.TypeName);
                }

                var references = References(json);
                referenceCount += references.Count;
                Assert.All(references, reference => Assert.Contains(reference, fullUrls));
            }
        }

        Assert.Equal(["Condition", "Encounter", "MedicationRequest", "Observation", "Patient", "Procedure"], types.Order());
        Assert.True(referenceCount > 1_000, $"{referenceCount} references");
    }

    [Fact]
    public void Ndjson_EveryLineParsesStrictlyAndReferencesResolveWithinTheSource()
    {
        foreach (var source in dataset.Simulator.Sources)
        {
            var folder = dataset.PathOf(source.Id, "ndjson");
            var lines = NdjsonSinkFiles().SelectMany(type => File.ReadLines(Path.Combine(folder, type + ".ndjson")).Select(line => (Type: type, Line: line))).ToArray();
            var resources = lines.Select(l => Strict.DeserializeResource(l.Line)).ToArray();
            Assert.Equal(lines.Select(l => l.Type), resources.Select(r => r.TypeName));

            var known = resources.Select(r => $"{r.TypeName}/{r.Id}").ToHashSet();
            var references = lines.SelectMany(l => References(l.Line)).ToArray();
            Assert.NotEmpty(references);
            Assert.All(references, reference => Assert.Contains(reference, known));
        }
    }

    [Fact]
    public void Observations_CarryUcumQuantitiesAndBloodPressureAsAPanel()
    {
        var file = dataset.PathOf(dataset.Simulator.Sources[0].Id, "ndjson", "Observation.ndjson");
        var observations = File.ReadLines(file).Select(line => Strict.Deserialize<Observation>(line)).ToArray();
        var panels = observations.Where(o => o.Code.Coding[0].Code == "85354-9").ToArray();

        Assert.NotEmpty(panels);
        Assert.All(panels, p => Assert.Equal(["8480-6", "8462-4"], p.Component.Select(c => c.Code.Coding[0].Code)));
        Assert.All(observations.Where(o => o.Value is not null), o =>
        {
            var quantity = Assert.IsType<Quantity>(o.Value);
            Assert.Equal("http://unitsofmeasure.org", quantity.System);
            Assert.Equal(quantity.Code, quantity.Unit);
        });
    }

    [Fact]
    public void Patients_CarryTheSourcesMrnSystem()
    {
        foreach (var source in dataset.Simulator.Sources)
        {
            var patients = File.ReadLines(dataset.PathOf(source.Id, "ndjson", "Patient.ndjson")).Select(line => Strict.Deserialize<Patient>(line));

            Assert.All(patients, p => Assert.Contains(p.Identifier, i => i.System == source.MrnSystem && i.Type?.Coding[0].Code == "MR"));
        }
    }

    private static string[] NdjsonSinkFiles() => ["Patient", "Encounter", "Observation", "Condition", "MedicationRequest", "Procedure"];

    /// <summary>Every reference string anywhere in the JSON.</summary>
    private static List<string> References(string json)
    {
        using var document = JsonDocument.Parse(json);
        var found = new List<string>();
        Collect(document.RootElement, found);
        return found;
    }

    private static void Collect(JsonElement element, List<string> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "reference" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        found.Add(property.Value.GetString()!);
                    }
                    else
                    {
                        Collect(property.Value, found);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, found);
                }

                break;
        }
    }
}
