using Orleans.Storage;

namespace OrleansHealth.Silo.Persistence;

/// <summary>
/// Orleans' ADO.NET grain storage with its database errors made portable (<see cref="DatabaseErrors.Portable"/>).
/// A grain's state is read when it activates, before any grain call filter runs; without this, a read that
/// fails while PostgreSQL restarts reaches the calling silo as "no codec for Npgsql.NpgsqlException", a 500,
/// instead of a 503 the client can retry.
/// </summary>
public sealed class DatabaseErrorGrainStorage(IGrainStorage inner) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        TranslateAsync(inner.ReadStateAsync(stateName, grainId, grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        TranslateAsync(inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        TranslateAsync(inner.ClearStateAsync(stateName, grainId, grainState));

    private static async Task TranslateAsync(Task operation)
    {
        try
        {
            await operation;
        }
        catch (Exception ex) when (DatabaseErrors.Find(ex) is { } database)
        {
            throw DatabaseErrors.Portable(database);
        }
    }
}
