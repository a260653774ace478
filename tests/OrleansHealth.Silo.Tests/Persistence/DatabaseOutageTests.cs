using System.Net;
using System.Text;
using System.Text.Json;

namespace OrleansHealth.Silo.Tests.Persistence;

/// <summary>
/// PostgreSQL goes away under a running silo and comes back: requests that need it fail with 503 and
/// a Retry-After (never a 500), nothing acknowledged is lost, and the silo recovers by itself.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private PostgresServer _server = null!;

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Ingest_WhileTheDatabaseIsDown_Answers503WithRetryAfter_AndSucceedsOnceItIsBack()
    {
        var database = await _server.CreateDatabaseAsync();
        await using var silo = await InProcessSilo.StartAsync(new Dictionary<string, string?>
        {
            ["Storage"] = "Postgres",
            ["ConnectionStrings:Postgres"] = database,
            ["Cluster:AdvertisedAddress"] = "127.0.0.1",
        });
        (await silo.Http.PutAsync("/api/sources/lab", JsonContent.Create(new { name = "Lab", format = "fhir-ndjson" }))).EnsureSuccessStatusCode();
        using (var before = await PostAsync(silo, Patient("before", "Okafor")))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await _server.StopAsync();
        using (var during = await PostAsync(silo, Patient("during", "Lindqvist")))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
            Assert.NotNull(during.Headers.RetryAfter);
            Assert.Equal("application/problem+json", during.Content.Headers.ContentType?.MediaType);
        }

        await _server.RestartAsync();
        var after = await Eventually.ReturnsAsync(
            async () =>
            {
                using var response = await PostAsync(silo, Patient("during", "Lindqvist"));
                return response.StatusCode;
            },
            status => status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60),
            "the retried ingest to succeed after the database came back");
        Assert.Equal(HttpStatusCode.OK, after);

        foreach (var localId in new[] { "before", "during" })
        {
            using var link = JsonDocument.Parse(await silo.Http.GetStringAsync($"/api/patients?source=lab&localId={localId}"));
            using var profile = await silo.Http.GetAsync(link.RootElement.GetProperty("profile").GetString());
            Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        }
    }

    private static Task<HttpResponseMessage> PostAsync(InProcessSilo silo, string ndjson) =>
        silo.Http.PostAsync("/api/sources/lab/records", new StringContent(ndjson, Encoding.UTF8, "application/fhir+ndjson"));

    private static string Patient(string id, string family) =>
        $$"""{"resourceType":"Patient","id":"{{id}}","gender":"female","birthDate":"1961-02-03","name":[{"family":"{{family}}","given":["Ada"]}]}""";
}
