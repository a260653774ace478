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

    /// <summary>Text values some of which may be SQL NULL.</summary>
    public static NpgsqlParameter<string?[]> NullableTextArray(IEnumerable<string?> values) =>
        new() { TypedValue = [.. values], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    public static NpgsqlParameter<int[]> IntegerArray(IEnumerable<int> values) =>
        new() { TypedValue = [.. values], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer };

    public static NpgsqlParameter<Guid[]> UuidArray(IEnumerable<Guid> values) =>
        new() { TypedValue = [.. values], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid };

    public static NpgsqlParameter<DateTime[]> TimestampArray(IEnumerable<DateTimeOffset> values) =>
        new() { TypedValue = [.. values.Select(v => v.UtcDateTime)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz };

    public static NpgsqlParameter<byte[][]> ByteaArray(IEnumerable<byte[]> values) =>
        new() { TypedValue = [.. values], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea };
}
