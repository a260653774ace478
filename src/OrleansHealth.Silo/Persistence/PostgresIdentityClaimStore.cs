using Npgsql;
using OrleansHealth.Grains.Identity;

namespace OrleansHealth.Silo.Persistence;

/// <summary>
/// The PostgreSQL mode's identity claims, in <c>oh_identity_claims</c> (deploy/sql/050-identity-claims.sql).
/// A batch of claims is one statement: insert what is free, then read back every holder.
/// </summary>
public sealed class PostgresIdentityClaimStore(NpgsqlDataSource database, string serviceId) : IIdentityClaimStore
{
    public async Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return found;
        }

        await using var command = database.CreateCommand(
            "SELECT claim_key, patient_id FROM oh_identity_claims WHERE service_id = $1 AND claim_key = ANY($2)");
        command.Parameters.Add(SqlParameters.Text(serviceId));
        command.Parameters.Add(SqlParameters.TextArray(keys));
        await ReadInto(command, found, cancellationToken);
        return found;
    }

    public async Task<IReadOnlyDictionary<string, string>> ClaimAsync(IReadOnlyDictionary<string, string> claims, CancellationToken cancellationToken = default)
    {
        var holders = new Dictionary<string, string>(StringComparer.Ordinal);
        if (claims.Count == 0)
        {
            return holders;
        }

        // The final SELECT sees the statement's snapshot: rows this statement inserted come from
        // RETURNING, rows that were there before from the table. A row committed by a concurrent
        // claim in between is in neither, so it is read once more below.
        await using var command = database.CreateCommand(
            """
            WITH proposed AS (
                SELECT * FROM unnest($2::text[], $3::text[]) AS p(claim_key, patient_id)
            ), inserted AS (
                INSERT INTO oh_identity_claims (service_id, claim_key, patient_id)
                SELECT $1, claim_key, patient_id FROM proposed
                ON CONFLICT (service_id, claim_key) DO NOTHING
                RETURNING claim_key, patient_id
            )
            SELECT claim_key, patient_id FROM inserted
            UNION ALL
            SELECT c.claim_key, c.patient_id FROM oh_identity_claims c JOIN proposed p ON p.claim_key = c.claim_key
            WHERE c.service_id = $1
            """);
        command.Parameters.Add(SqlParameters.Text(serviceId));
        command.Parameters.Add(SqlParameters.TextArray(claims.Keys));
        command.Parameters.Add(SqlParameters.TextArray(claims.Values));
        await ReadInto(command, holders, cancellationToken);

        var raced = claims.Keys.Where(k => !holders.ContainsKey(k)).ToList();
        if (raced.Count > 0)
        {
            foreach (var (key, holder) in await FindAsync(raced, cancellationToken))
            {
                holders[key] = holder;
            }
        }

        return holders;
    }

    private static async Task ReadInto(NpgsqlCommand command, Dictionary<string, string> into, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            into[reader.GetString(0)] = reader.GetString(1);
        }
    }
}
