using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using OrleansHealth.Clinical.Reading;

namespace OrleansHealth.Clinical.Formats.Fhir;

/// <summary>
/// Reads an <c>application/fhir+ndjson</c> body (FHIR Bulk Data: one resource per line) as a stream:
/// only the lines of the current reads are held, so a body of any size is read in bounded memory.
/// Line = the 1-based physical line; blank lines are ignored. Lines are parsed in batches on the
/// thread pool, up to <see cref="BatchesInFlight"/> at once, and yielded in their order: the Firely
/// parser is the costliest step of an ingest, and one core alone could not keep the grains busy.
/// </summary>
public sealed class FhirNdjsonReader(IngestLimits? limits = null) : IRecordReader
{
    private const int ReadSize = 64 * 1024;
    private const int LinesPerBatch = 256;

    /// <summary>Batches parsed at once: one per core (at least two, so reading overlaps parsing).</summary>
    private static readonly int BatchesInFlight = Math.Clamp(Environment.ProcessorCount, 2, 8);

    private readonly IngestLimits limits = limits ?? IngestLimits.Default;

    public async IAsyncEnumerable<ReadItem> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var pipe = PipeReader.Create(body, new StreamPipeReaderOptions(bufferSize: ReadSize, minimumReadSize: ReadSize / 4, leaveOpen: true));
        var splitter = new NdjsonLineSplitter(limits.MaxLineLength);
        var batch = new LineBatch();
        var parsing = new Queue<Task<List<ReadItem>>>();
        NdjsonLineSplitter.LineHandler collect = (line, lineNumber) =>
        {
            batch.Add(line, lineNumber);
            if (batch.Count == LinesPerBatch)
            {
                parsing.Enqueue(Task.Run(batch.Parse, CancellationToken.None));
                batch = new LineBatch();
            }
        };
        try
        {
            while (true)
            {
                var read = await pipe.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = read.Buffer;
                InputFormatException? failure = null;
                try
                {
                    splitter.Split(ref buffer, read.IsCompleted, collect);
                }
                catch (InputFormatException e)
                {
                    // The lines before the over-long one are yielded first: the exception's line
                    // promises the caller that everything before it was processed.
                    failure = e;
                }

                pipe.AdvanceTo(buffer.Start, buffer.End);
                var last = read.IsCompleted || failure is not null;
                if (last && batch.Count > 0)
                {
                    parsing.Enqueue(Task.Run(batch.Parse, CancellationToken.None));
                    batch = new LineBatch();
                }

                while (parsing.Count > (last ? 0 : BatchesInFlight - 1))
                {
                    foreach (var item in await parsing.Dequeue().ConfigureAwait(false))
                    {
                        yield return item;
                    }
                }

                if (failure is not null)
                {
                    throw failure;
                }

                if (read.IsCompleted)
                {
                    yield break;
                }
            }
        }
        finally
        {
            await pipe.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Lines copied out of the pipe's buffer, so they can be parsed after the buffer moves on.</summary>
    private sealed class LineBatch
    {
        private readonly List<(int Start, int Length, int LineNumber)> lines = new(LinesPerBatch);
        private byte[] bytes = new byte[64 * 1024];
        private int used;

        public int Count => lines.Count;

        public void Add(ReadOnlySpan<byte> line, int lineNumber)
        {
            if (used + line.Length > bytes.Length)
            {
                Array.Resize(ref bytes, Math.Max(bytes.Length * 2, used + line.Length));
            }

            line.CopyTo(bytes.AsSpan(used));
            lines.Add((used, line.Length, lineNumber));
            used += line.Length;
        }

        public List<ReadItem> Parse()
        {
            var output = new List<ReadItem>(lines.Count);
            foreach (var (start, length, lineNumber) in lines)
            {
                FhirRecordParser.Parse(bytes.AsSpan(start, length), lineNumber, null, ReferenceResolver.Standalone, syntaxChecked: false, output);
            }

            return output;
        }
    }
}
