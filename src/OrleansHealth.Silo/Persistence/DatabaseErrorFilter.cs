namespace OrleansHealth.Silo.Persistence;

/// <summary>
/// Rethrows a database exception that escapes a grain method as a <see cref="OrleansHealth.Persistence.DatabaseException"/>,
/// which Orleans can send back to the calling silo (Npgsql's own exceptions it cannot serialize). Installed only
/// when the silos run on PostgreSQL. Activations load state outside grain calls: <see cref="DatabaseErrorGrainStorage"/>
/// and the row stores translate those errors themselves.
/// </summary>
public sealed class DatabaseErrorFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception ex) when (DatabaseErrors.Find(ex) is { } database)
        {
            throw DatabaseErrors.Portable(database);
        }
    }
}
