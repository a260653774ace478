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

    [Fact]
    public async Task ModelVersions_AndTheActiveVersion_SurviveAFullSiloRestart()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Storage"] = "Postgres",
            ["ConnectionStrings:Postgres"] = database,
            ["Cluster:AdvertisedAddress"] = "127.0.0.1",
        };
        var csv = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.SharedData, "ml", "pima_diabetes.csv"));
        var definition = new
        {
            features = new[] { "Glucose", "BMI", "Age", "Pregnancies" }.Select(c => new { name = c, kind = "column", source = "pima", code = c }).ToArray(),
            outcome = new { kind = "label", source = "pima", code = "Outcome" },
        };

        JsonElement before;
        await using (var first = await InProcessSilo.StartAsync(settings))
        {
            (await first.Http.PutAsync("/api/sources/pima", JsonContent.Create(new { name = "Pima", format = "csv" }))).EnsureSuccessStatusCode();
            (await first.Http.PostAsync("/api/sources/pima/records?format=tabular", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
            (await first.Http.PutAsync("/api/models/pima-risk", JsonContent.Create(definition))).EnsureSuccessStatusCode();
            (await first.Http.PostAsync("/api/models/pima-risk/versions", JsonContent.Create(new { trees = 10, shards = 2, seed = 8 }))).EnsureSuccessStatusCode();
            before = await Eventually.ReturnsAsync(
                async () => JsonDocument.Parse(await first.Http.GetStringAsync("/api/models/pima-risk/versions/1")).RootElement,
                v => v.GetProperty("state").GetString() == "Completed", TimeSpan.FromMinutes(2), "version 1 to complete");
            (await first.Http.PostAsync("/api/models/pima-risk/versions/1/promote", null)).EnsureSuccessStatusCode();
        }

        await using var second = await InProcessSilo.StartAsync(settings);
        var model = JsonDocument.Parse(await second.Http.GetStringAsync("/api/models/pima-risk")).RootElement;
        var after = JsonDocument.Parse(await second.Http.GetStringAsync("/api/models/pima-risk/versions/1")).RootElement;

        Assert.Equal(1, model.GetProperty("activeVersion").GetInt32());
        Assert.Equal("Completed", after.GetProperty("state").GetString());
        Assert.Equal(10, after.GetProperty("forestTrees").GetInt32());
        Assert.Equal(before.GetProperty("forest").GetProperty("auroc").GetDouble(), after.GetProperty("forest").GetProperty("auroc").GetDouble());
        Assert.Equal(before.GetProperty("request").ToString(), after.GetProperty("request").ToString());
        Assert.Equal(before.GetProperty("definition").ToString(), after.GetProperty("definition").ToString());
    }
}
