using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using OrleansHealth.Clinical.Reading;

namespace OrleansHealth.Clinical.Formats.Fhir;

/// <summary>
/// Reads an <c>application/fhir+ndjson</c> body (FHIR Bulk Data: one resource per line) as a stream:
/// only the lines of the current read are held, so a body of any size is read in bounded memory.
/// Line = the 1-based physical line; blank lines are ignored.
/// </summary>
public sealed class FhirNdjsonReader(IngestLimits? limits = null) : IRecordReader
{
    private const int ReadSize = 64 * 1024;

    private readonly IngestLimits limits = limits ?? IngestLimits.Default;

    public async IAsyncEnumerable<ReadItem> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var pipe = PipeReader.Create(body, new StreamPipeReaderOptions(bufferSize: ReadSize, minimumReadSize: ReadSize / 4, leaveOpen: true));
        var splitter = new NdjsonLineSplitter(limits.MaxLineLength);
        var output = new List<ReadItem>();
        NdjsonLineSplitter.LineHandler parse = (line, lineNumber) =>
            FhirRecordParser.Parse(line, lineNumber, null, ReferenceResolver.Standalone, syntaxChecked: false, output);
        try
        {
            while (true)
            {
                var read = await pipe.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = read.Buffer;
                InputFormatException? failure = null;
                try
                {
                    splitter.Split(ref buffer, read.IsCompleted, parse);
                }
                catch (InputFormatException e)
                {
                    // The lines before the over-long one are yielded first: the exception's line
                    // promises the caller that everything before it was processed.
                    failure = e;
                }

                pipe.AdvanceTo(buffer.Start, buffer.End);
                foreach (var item in output)
                {
                    yield return item;
                }

                output.Clear();
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
}
