using System.Net;
using System.Text.Json;

namespace OrleansHealth.Silo.Tests.Persistence;

[Collection(PostgresCollection.Name)]
public sealed class PostgresModeTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Registration_SurvivesAFullSiloRestart()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Storage"] = "Postgres",
            ["ConnectionStrings:Postgres"] = database,
            ["Cluster:AdvertisedAddress"] = "127.0.0.1",
        };

        await using (var first = await InProcessSilo.StartAsync(settings))
        {
            using var put = await first.Http.PutAsync("/api/sources/claims-dw",
                JsonContent.Create(new { name = "Claims warehouse", format = "csv", trustRank = 20 }));
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        await using var second = await InProcessSilo.StartAsync(settings);
        using var source = JsonDocument.Parse(await second.Http.GetStringAsync("/api/sources/claims-dw"));
        using var list = JsonDocument.Parse(await second.Http.GetStringAsync("/api/sources"));

        Assert.Equal("Claims warehouse", source.RootElement.GetProperty("name").GetString());
        Assert.Equal(20, source.RootElement.GetProperty("trustRank").GetInt32());
        Assert.Equal(["claims-dw"], list.RootElement.EnumerateArray().Select(s => s.GetProperty("sourceId").GetString()!).ToArray());
    }

    [Fact]
    public async Task AcknowledgedRecords_SurviveAFullSiloRestart()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Storage"] = "Postgres",
            ["ConnectionStrings:Postgres"] = database,
            ["Cluster:AdvertisedAddress"] = "127.0.0.1",
        };
        var bundle = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(RepositoryPaths.SharedData, "fhir-bundles"), "Les282*.json").Single());

        int accepted;
        await using (var first = await InProcessSilo.StartAsync(settings))
        {
            (await first.Http.PutAsync("/api/sources/ehr", JsonContent.Create(new { name = "EHR", format = "fhir-json" }))).EnsureSuccessStatusCode();
            using var post = await first.Http.PostAsync("/api/sources/ehr/records",
                new StringContent(bundle, System.Text.Encoding.UTF8, "application/fhir+json"));
            accepted = JsonDocument.Parse(await post.Content.ReadAsStringAsync()).RootElement.GetProperty("accepted").GetInt32();
        }

        await using var second = await InProcessSilo.StartAsync(settings);
        var link = JsonDocument.Parse(await second.Http.GetStringAsync("/api/patients?source=ehr&localId=4f1ad84a-f8a2-2de6-343d-007efe781585")).RootElement;
        var profile = JsonDocument.Parse(await second.Http.GetStringAsync(link.GetProperty("profile").GetString())).RootElement;
        using var replay = await second.Http.PostAsync("/api/sources/ehr/records",
            new StringContent(bundle, System.Text.Encoding.UTF8, "application/fhir+json"));
        var again = JsonDocument.Parse(await replay.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("Bernier607", profile.GetProperty("demographics").GetProperty("familyName").GetProperty("value").GetString());
        Assert.Equal(17.4, profile.GetProperty("observations").EnumerateArray()
            .Single(o => o.GetProperty("code").GetString() == "29463-7").GetProperty("latest").GetProperty("value").GetDouble());
        Assert.Equal((0, accepted), (again.GetProperty("accepted").GetInt32(), again.GetProperty("duplicates").GetInt32()));
    }
}
