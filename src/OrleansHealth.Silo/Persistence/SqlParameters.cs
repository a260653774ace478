using Npgsql;
using NpgsqlTypes;

namespace OrleansHealth.Silo.Persistence;

/// <summary>Typed positional parameters for the row stores' statements (arrays feed <c>unnest</c> for one-statement batches).</summary>
internal static class SqlParameters
{
    public static NpgsqlParameter<string> Text(string value) => new() { TypedValue = value };

    public static NpgsqlParameter<int> Integer(int value) => new() { TypedValue = value };

    public static NpgsqlParameter<string[]> TextArray(IEnumerable<string> values) =>
        new() { TypedValue = [.. values], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    public static NpgsqlParameter<byte[][]> ByteaArray(IEnumerable<byte[]> values) =>
        new() { TypedValue = [.. values], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea };
}
