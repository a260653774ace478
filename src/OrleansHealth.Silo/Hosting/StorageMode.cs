namespace OrleansHealth.Silo.Hosting;

/// <summary>Where the cluster keeps its membership, grain state and reminders (configuration key <c>Storage</c>).</summary>
public enum StorageMode
{
    /// <summary>Localhost clustering and in-memory state: zero configuration, nothing survives a restart.</summary>
    Memory,

    /// <summary>Orleans' ADO.NET clustering, grain storage and reminders on PostgreSQL.</summary>
    Postgres,
}
