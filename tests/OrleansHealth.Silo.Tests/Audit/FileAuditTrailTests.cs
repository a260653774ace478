using OrleansHealth.Silo.Audit;

namespace OrleansHealth.Silo.Tests.Audit;

/// <summary>The embedded mode's append-only audit files.</summary>
public sealed class FileAuditTrailTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"oh-audit-test-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
        else if (File.Exists(_directory))
        {
            File.Delete(_directory);
        }
    }

    internal static AuditEvent Event(int minute, string action = AuditActions.PatientRead, string? patient = "p-1", string actor = "dr-a") =>
        new(Guid.CreateVersion7(Start.AddMinutes(minute)), Start.AddMinutes(minute), actor, "clinician", action, patient, "model=m",
            AuditOutcomes.Success, 200, "10.0.0.7", "0af7651916cd43dd8448eb211c80319c");

    [Fact]
    public async Task Appended_Events_AreQueriedBack_NewestFirst_ByEveryFilter()
    {
        var trail = new FileAuditTrail(_directory, TimeProvider.System);
        trail.EnsureWritable();
        await trail.AppendAsync([Event(1), Event(2, patient: "p-2"), Event(3, AuditActions.RecordsIngest, patient: null, actor: "feed:ehr:k1")]);
        await trail.AppendAsync([Event(4, actor: "dr-b")]);

        Assert.Equal([4, 3, 2, 1], (await trail.QueryAsync(new AuditQuery())).Select(Minute));
        Assert.Equal([4, 1], (await trail.QueryAsync(new AuditQuery(PatientId: "p-1"))).Select(Minute));
        Assert.Equal([3], (await trail.QueryAsync(new AuditQuery(Action: AuditActions.RecordsIngest))).Select(Minute));
        Assert.Equal([4], (await trail.QueryAsync(new AuditQuery(Actor: "dr-b"))).Select(Minute));
        Assert.Equal([3, 2], (await trail.QueryAsync(new AuditQuery(From: Start.AddMinutes(2), To: Start.AddMinutes(4)))).Select(Minute));
        Assert.Equal([4, 3], (await trail.QueryAsync(new AuditQuery(Limit: 2))).Select(Minute));
        Assert.Equal(Event(1) with { Id = default }, (await trail.QueryAsync(new AuditQuery(To: Start.AddMinutes(2)))).Single() with { Id = default });
    }

    [Fact]
    public async Task EverySilo_WritesAFileOfItsOwn_AndQueriesReadThemAll()
    {
        var first = new FileAuditTrail(_directory, TimeProvider.System);
        var second = new FileAuditTrail(_directory, TimeProvider.System);
        first.EnsureWritable();

        await Task.WhenAll(first.AppendAsync([Event(1)]), second.AppendAsync([Event(2)]));

        Assert.NotEqual(first.FilePath, second.FilePath);
        Assert.Equal([2, 1], (await first.QueryAsync(new AuditQuery())).Select(Minute));
    }

    [Fact]
    public async Task ATornLastLine_IsSkipped_AndDoesNotSwallowTheNextEvent()
    {
        var trail = new FileAuditTrail(_directory, TimeProvider.System);
        trail.EnsureWritable();
        await trail.AppendAsync([Event(1)]);
        await File.AppendAllTextAsync(trail.FilePath, """{"id":"0193c2a0-0000-7000-8000-000000000000","at":"2026-12-01T08:""");

        await trail.AppendAsync([Event(2)]);

        Assert.Equal([2, 1], (await trail.QueryAsync(new AuditQuery())).Select(Minute));
    }

    [Fact]
    public async Task AnUnwritableDirectory_FailsTheWrite_AndIsRefusedAtStart()
    {
        var trail = new FileAuditTrail(_directory, TimeProvider.System);
        trail.EnsureWritable();
        await trail.AppendAsync([Event(1)]);

        // The directory is replaced by a file: a volume gone, a path taken over.
        Directory.Delete(_directory, recursive: true);
        await File.WriteAllTextAsync(_directory, "not a directory");

        await Assert.ThrowsAnyAsync<IOException>(() => trail.AppendAsync([Event(2)]));
        Assert.ThrowsAny<IOException>(() => new FileAuditTrail(_directory, TimeProvider.System).EnsureWritable());
    }

    private static int Minute(AuditEvent e) => (int)(e.At - Start).TotalMinutes;
}
