using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansHealth.Silo.Demo;
using OrleansHealth.Synthetic.Population;
using OrleansHealth.Synthetic.Sources;
using OrleansHealth.Synthetic.Writing;

namespace OrleansHealth.Silo.Tests.Cluster;

/// <summary>
/// The demo's generated population and model, sent to a cluster over HTTP the way upstream feeds and an analyst
/// would: each of the three sources registered and its feed posted in its own format, then the demo model defined.
/// </summary>
public sealed class DemoPopulation(int patients, int seed)
{
    /// <summary>The API's JSON: web defaults with enums as strings.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly PopulationOptions _population = new() { PatientCount = patients, Seed = seed };

    /// <summary>The three sources and what each says about its patients (the feeds are rendered from it).</summary>
    public SourceSimulator Simulator => field ??= new SourceSimulator(new PopulationGenerator(_population), new SourceSimulationOptions());

    public IReadOnlyList<SourceFeed> Feeds { get; private set; } = [];

    /// <summary>Registers the sources and posts every document, round-robin over <paramref name="silos"/>.</summary>
    public async Task IngestAsync(HttpClient http, IReadOnlyList<Uri> silos)
    {
        Feeds = FeedRenderer.RenderAll(Simulator, patientsPerBundle: 50);
        var next = 0;
        foreach (var feed in Feeds)
        {
            var source = feed.Source;
            using (var registered = await http.PutAsJsonAsync(new Uri(silos[0], $"/api/sources/{source.Id}"),
                       new { name = source.Name, format = source.RegistrationFormat, trustRank = source.TrustRank }))
            {
                registered.EnsureSuccessStatusCode();
            }

            foreach (var document in feed.Documents)
            {
                var query = document.CsvFormat is null ? "" : $"?format={document.CsvFormat}";
                using var content = new ByteArrayContent(document.Content);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(document.ContentType);
                using var sent = await http.PostAsync(new Uri(silos[next++ % silos.Count], $"/api/sources/{source.Id}/records{query}"), content);
                Assert.True(sent.IsSuccessStatusCode, $"{document.Name}: {(int)sent.StatusCode} {await sent.Content.ReadAsStringAsync()}");
            }
        }
    }

    /// <summary>Defines the demo model (<see cref="DemoModel"/>) under <paramref name="model"/>.</summary>
    public async Task DefineModelAsync(HttpClient http, Uri silo, string model)
    {
        using var defined = await http.PutAsJsonAsync(new Uri(silo, $"/api/models/{model}"), DemoModel.Definition(_population), Json);
        Assert.True(defined.IsSuccessStatusCode, await defined.Content.ReadAsStringAsync());
    }

    /// <summary>Starts training a version; returns its path.</summary>
    public static async Task<string> TrainAsync(HttpClient http, Uri silo, string model, object request)
    {
        using var train = await http.PostAsJsonAsync(new Uri(silo, $"/api/models/{model}/versions"), request);
        Assert.True(train.IsSuccessStatusCode, await train.Content.ReadAsStringAsync());
        return train.Headers.Location!.ToString();
    }

    /// <summary>The local ids of the patients the first source knows.</summary>
    public IEnumerable<(string Source, string LocalId)> SomePatients(int count) =>
        Feeds.SelectMany(f => f.Documents.Where(d => d.ContentType == "application/fhir+ndjson")
                .SelectMany(d => System.Text.Encoding.UTF8.GetString(d.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                .Select(line => JsonDocument.Parse(line).RootElement)
                .Where(r => r.GetProperty("resourceType").GetString() == "Patient")
                .Select(r => (f.Source.Id, r.GetProperty("id").GetString()!)))
            .Take(count);
}
