using Npgsql;

namespace OrleansHealth.Silo.Persistence;

/// <summary>
/// Applies the project's schema. Every script is idempotent, and all of them run in one transaction
/// under an advisory lock, so several silos or jobs migrating at once neither collide nor half-apply.
/// </summary>
public static class SchemaMigrator
{
    // An arbitrary constant shared by every migrator of this project.
    private const long AdvisoryLockKey = 0x4F4845414C5448; // "OHEALTH"

    public static async Task<IReadOnlyList<string>> MigrateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var scripts = SchemaScripts.Load();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", AdvisoryLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (_, text) in scripts)
        {
            await using var command = new NpgsqlCommand(text, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return [.. scripts.Select(s => s.Name)];
    }
}
