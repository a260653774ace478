using Npgsql;
using OrleansHealth.Silo.Audit;

namespace OrleansHealth.Silo.Tests.Audit;

/// <summary>The PostgreSQL mode's audit table: written and queried per service, and append-only.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditTrailTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Appended_Events_AreQueriedBack_NewestFirst_PerService()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var source = NpgsqlDataSource.Create(database);
        var trail = new PostgresAuditTrail(source, "service-a");
        var other = new PostgresAuditTrail(source, "service-b");
        var start = FileAuditTrailTests.Event(0).At;

        await Task.WhenAll(
            trail.AppendAsync([FileAuditTrailTests.Event(1), FileAuditTrailTests.Event(2, patient: "p-2")]),
            trail.AppendAsync([FileAuditTrailTests.Event(3, AuditActions.RecordsIngest, patient: null, actor: "feed:ehr:k1")]),
            other.AppendAsync([FileAuditTrailTests.Event(4)]));

        var all = await trail.QueryAsync(new AuditQuery());
        Assert.Equal([3, 2, 1], all.Select(e => (int)(e.At - start).TotalMinutes));
        Assert.Equal(FileAuditTrailTests.Event(1) with { Id = all[2].Id }, all[2]);
        Assert.Null(all[0].PatientId);
        Assert.Equal([1], (await trail.QueryAsync(new AuditQuery(PatientId: "p-1"))).Select(e => (int)(e.At - start).TotalMinutes));
        Assert.Equal([3], (await trail.QueryAsync(new AuditQuery(Actor: "feed:ehr:k1", Action: AuditActions.RecordsIngest))).Select(e => (int)(e.At - start).TotalMinutes));
        Assert.Equal([2], (await trail.QueryAsync(new AuditQuery(From: start.AddMinutes(2), To: start.AddMinutes(3)))).Select(e => (int)(e.At - start).TotalMinutes));
        Assert.Single(await other.QueryAsync(new AuditQuery()));
    }

    [Theory]
    [InlineData("UPDATE oh_audit_events SET outcome = 'success'")]
    [InlineData("DELETE FROM oh_audit_events")]
    [InlineData("TRUNCATE oh_audit_events")]
    public async Task TheTable_RefusesToRewriteHistory(string statement)
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var source = NpgsqlDataSource.Create(database);
        await new PostgresAuditTrail(source, "service-a").AppendAsync([FileAuditTrailTests.Event(1)]);

        await using var command = source.CreateCommand(statement);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Contains("append-only", error.MessageText);
        Assert.Single(await new PostgresAuditTrail(source, "service-a").QueryAsync(new AuditQuery()));
    }
}
