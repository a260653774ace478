using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using OrleansHealth.Clinical.Reading;

namespace OrleansHealth.Clinical.Formats.Fhir;

/// <summary>
/// Reads an <c>application/fhir+json</c> body: a Bundle (batch, transaction, collection, searchset,
/// history) or a single resource. The Bundle is split into entries here, not by Firely, so that one
/// bad entry is one <see cref="RecordRejected"/> (line = 1-based entry index) and the others still
/// count. <c>urn:uuid:</c> references resolve within the Bundle.
/// </summary>
public sealed class FhirJsonReader(IngestLimits? limits = null) : IRecordReader
{
    private const string SupportedBundleTypes = "batch, transaction, collection, searchset or history";

    private readonly IngestLimits limits = limits ?? IngestLimits.Default;

    public async IAsyncEnumerable<ReadItem> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var buffered = await BufferedBody.ReadAsync(body, limits.MaxJsonBodyBytes, cancellationToken).ConfigureAwait(false);
        var json = WithoutByteOrderMark(buffered.Memory);
        using var document = ParseDocument(json);
        var root = document.RootElement;
        var output = new List<ReadItem>();
        if (RootResourceType(root) != "Bundle")
        {
            FhirRecordParser.Parse(json.Span, 1, null, ReferenceResolver.Standalone, syntaxChecked: true, output);
            foreach (var item in output)
            {
                yield return item;
            }

            yield break;
        }

        var entries = Entries(root);
        var references = new ReferenceResolver(Index(entries));
        var line = 0;
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ReadEntry(entry, ++line, references, output);
            foreach (var item in output)
            {
                yield return item;
            }

            output.Clear();
        }
    }

    private static ReadOnlyMemory<byte> WithoutByteOrderMark(ReadOnlyMemory<byte> body) =>
        body.Span.StartsWith(Encoding.UTF8.Preamble) ? body[Encoding.UTF8.Preamble.Length..] : body;

    private static JsonDocument ParseDocument(ReadOnlyMemory<byte> body)
    {
        if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new InputFormatException("The body is empty; send one FHIR resource or a Bundle as JSON.");
        }

        // JSON is UTF-8 (RFC 8259); the parser checks that only where a string is decoded, which would
        // fail deep inside a Bundle's entries. One check of the whole body makes it a plain 400.
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            throw new InputFormatException("The body is not valid UTF-8 text; send FHIR JSON encoded as UTF-8.");
        }

        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new InputFormatException(
                $"The body is not valid JSON ({e.Message}); send one FHIR resource or a Bundle as JSON.");
        }
    }

    private static string RootResourceType(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InputFormatException("The body must be a JSON object: one FHIR resource or a Bundle.");
        }

        if (!root.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() is not { Length: > 0 } name)
        {
            throw new InputFormatException("The body has no resourceType; send one FHIR resource or a Bundle.");
        }

        return name;
    }

    private List<JsonElement> Entries(JsonElement bundle)
    {
        var type = bundle.TryGetProperty("type", out var typeElement) && typeElement.ValueKind == JsonValueKind.String ? typeElement.GetString() : null;
        if (type is null)
        {
            throw new InputFormatException($"Bundle.type is missing; send a {SupportedBundleTypes} Bundle.");
        }

        if (type is not ("batch" or "transaction" or "collection" or "searchset" or "history"))
        {
            throw new InputFormatException($"Bundle type '{type}' is not supported; send a {SupportedBundleTypes} Bundle.");
        }

        if (!bundle.TryGetProperty("entry", out var entries))
        {
            return [];
        }

        if (entries.ValueKind != JsonValueKind.Array)
        {
            throw new InputFormatException("Bundle.entry must be an array of entries.");
        }

        var count = entries.GetArrayLength();
        if (count > limits.MaxBundleEntries)
        {
            throw new InputFormatException(
                $"The Bundle has {count} entries, more than the limit of {limits.MaxBundleEntries} (MaxBundleEntries); split it into smaller Bundles or send NDJSON.",
                tooLarge: true);
        }

        return [.. entries.EnumerateArray()];
    }

    private static BundleIndex Index(List<JsonElement> entries)
    {
        var index = new BundleIndex();
        foreach (var entry in entries)
        {
            if (Resource(entry) is { } resource && StringProperty(resource, "resourceType") is { } resourceType)
            {
                index.Add(StringProperty(entry, "fullUrl"), resourceType, StringProperty(resource, "id"), resource);
            }
        }

        return index;
    }

    private static void ReadEntry(JsonElement entry, int line, ReferenceResolver references, List<ReadItem> output)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            output.Add(new RecordRejected(line, "the Bundle entry is not a JSON object", entry.GetRawText()));
            return;
        }

        if (Resource(entry) is not { } resource)
        {
            output.Add(new RecordRejected(
                line, "the Bundle entry has no resource object; every entry must carry the resource itself (a DELETE or a search outcome cannot be ingested)", entry.GetRawText()));
            return;
        }

        FhirRecordParser.Parse(JsonMarshal.GetRawUtf8Value(resource), line, StringProperty(entry, "fullUrl"), references, syntaxChecked: true, output);
    }

    private static JsonElement? Resource(JsonElement entry) =>
        entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("resource", out var resource) && resource.ValueKind == JsonValueKind.Object
            ? resource
            : null;

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
