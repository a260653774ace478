using System.Net;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace OrleansHealth.Silo.Tests.Audit;

/// <summary>A PostgreSQL-mode silo keeps its trail in the database, and withholds answers it cannot record there.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditModeTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Reads_AreRecordedInTheTable_AndWithheldWhileItCannotBeWritten()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var silo = await InProcessSilo.StartAsync(new Dictionary<string, string?>
        {
            ["Storage"] = "Postgres",
            ["ConnectionStrings:Postgres"] = database,
            ["Cluster:AdvertisedAddress"] = "127.0.0.1",
        });
        (await silo.Http.PutAsJsonAsync("/api/sources/pg-audit", new { name = "pg", format = "fhir-ndjson" })).EnsureSuccessStatusCode();
        (await silo.Http.PostAsync("/api/sources/pg-audit/records",
            new StringContent("""{"resourceType":"Patient","id":"a-1","name":[{"family":"Lindqvist"}]}""" + "\n", Encoding.UTF8, "application/fhir+ndjson")))
            .EnsureSuccessStatusCode();
        var patient = JsonDocument.Parse(await silo.Http.GetStringAsync("/api/patients?source=pg-audit&localId=a-1")).RootElement.GetProperty("patientId").GetString()!;
        (await silo.Http.GetAsync($"/api/patients/{patient}")).EnsureSuccessStatusCode();

        await using var source = NpgsqlDataSource.Create(database);
        await using (var count = source.CreateCommand("SELECT count(*) FROM oh_audit_events WHERE patient_id = $1 AND action = 'patient.read' AND actor = 'test'"))
        {
            count.Parameters.Add(new NpgsqlParameter<string> { TypedValue = patient });
            Assert.Equal(1L, await count.ExecuteScalarAsync());
        }

        await ExecuteAsync(source, "ALTER TABLE oh_audit_events RENAME TO oh_audit_events_away");
        try
        {
            using var withheld = await silo.Http.GetAsync($"/api/patients/{patient}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, withheld.StatusCode);
            Assert.DoesNotContain("Lindqvist", await withheld.Content.ReadAsStringAsync());
        }
        finally
        {
            await ExecuteAsync(source, "ALTER TABLE oh_audit_events_away RENAME TO oh_audit_events");
        }

        using var again = await silo.Http.GetAsync($"/api/patients/{patient}");
        Assert.Contains("Lindqvist", await again.Content.ReadAsStringAsync());
    }

    private static async Task ExecuteAsync(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
