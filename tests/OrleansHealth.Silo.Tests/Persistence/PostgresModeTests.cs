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
}
