using System.Runtime.CompilerServices;
using OrleansHealth.Clinical.Formats.Csv.Synthea;
using OrleansHealth.Clinical.Reading;

namespace OrleansHealth.Clinical.Formats.Csv;

/// <summary>
/// Reads one Synthea v3 CSV export file (patients, observations, conditions, medications or
/// encounters) as a stream of rows. Line = the physical line where the row starts, the header being
/// line 1. A row that cannot be read is rejected with its reason; a row without a PATIENT is kept
/// with a missing subject, which validation quarantines.
/// </summary>
public sealed class SyntheaCsvReader(SyntheaCsvKind kind, IngestLimits? limits = null) : IRecordReader
{
    private readonly IngestLimits limits = limits ?? IngestLimits.Default;

    public SyntheaCsvKind Kind => kind;

    public async IAsyncEnumerable<ReadItem> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var mapper = SyntheaRowMapper.For(kind);
        await using var records = CsvRecords.Open(body, limits);
        var row = SyntheaRow.Bind(records, await records.ReadHeaderAsync(cancellationToken).ConfigureAwait(false), mapper);
        while (await records.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var mapped = mapper.Map(row);
            var raw = records.Raw;
            if (mapped.Rejection is { } reason)
            {
                yield return new RecordRejected(records.Line, reason, raw);
                continue;
            }

            foreach (var fact in mapped.Facts)
            {
                yield return new FactRead(records.Line, mapped.Subject, fact, raw);
            }
        }
    }
}
