using System.Text.Json;

namespace OrleansHealth.Silo.Audit;

/// <summary>
/// The embedded mode's trail: one JSON object per line in append-only files under a directory that outlives
/// the silo (<see cref="AuditOptions.Directory"/>). Each silo process writes a file of its own, so restarts and
/// several silos on one machine never share a writer; queries read every file. A write is opened, appended,
/// flushed to disk (fsync) and closed before its callers go on, so a deleted or unwritable directory is noticed
/// at the next write instead of being hidden by an open handle.
/// </summary>
public sealed class FileAuditTrail : IAuditTrail
{
    public const string FilePattern = "audit-*.ndjson";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static int instances;

    private readonly GroupWriter<AuditEvent> writer;

    public FileAuditTrail(string directory, TimeProvider time)
    {
        Directory = Path.GetFullPath(directory);
        var instance = Interlocked.Increment(ref instances);
        FilePath = Path.Combine(Directory, $"audit-{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{Environment.ProcessId}-{instance}.ndjson");
        writer = new GroupWriter<AuditEvent>(WriteAsync);
    }

    public string Directory { get; }

    /// <summary>This silo's file.</summary>
    public string FilePath { get; }

    /// <summary>Creates the directory and proves a file can be written there; throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> otherwise.</summary>
    public void EnsureWritable()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var probe = FilePath + ".probe";
        using (new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
        {
        }
    }

    public Task AppendAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken = default) => writer.WriteAsync(events);

    public async Task<IReadOnlyList<AuditEvent>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var found = new List<AuditEvent>();
        foreach (var file in System.IO.Directory.Exists(Directory) ? System.IO.Directory.EnumerateFiles(Directory, FilePattern) : [])
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (Parse(line) is { } e && query.Matches(e))
                {
                    found.Add(e);
                }
            }
        }

        return [.. found.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(query.Limit)];
    }

    private async Task WriteAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        foreach (var e in events)
        {
            JsonSerializer.Serialize(buffer, e, Json);
            buffer.WriteByte((byte)'\n');
        }

        await using var file = new FileStream(FilePath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
        await EndTornLineAsync(file, cancellationToken);
        await file.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
        file.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Moves to the end of the file, first ending a line a failed write left unfinished: otherwise the
    /// next event would be glued to it and be unreadable too.
    /// </summary>
    private static async Task EndTornLineAsync(FileStream file, CancellationToken cancellationToken)
    {
        if (file.Length > 0)
        {
            var last = new byte[1];
            file.Seek(-1, SeekOrigin.End);
            await file.ReadExactlyAsync(last, cancellationToken);
            if (last[0] != (byte)'\n')
            {
                file.WriteByte((byte)'\n');
            }
        }

        file.Seek(0, SeekOrigin.End);
    }

    /// <summary>A line, or null for the torn last line a crash in the middle of a write can leave.</summary>
    private static AuditEvent? Parse(string line)
    {
        try
        {
            return line.Length == 0 ? null : JsonSerializer.Deserialize<AuditEvent>(line, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
