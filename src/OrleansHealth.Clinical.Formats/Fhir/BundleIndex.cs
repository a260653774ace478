using System.Runtime.InteropServices;
using System.Text.Json;
using Hl7.Fhir.Model;

namespace OrleansHealth.Clinical.Formats.Fhir;

/// <summary>
/// The resources of one Bundle by <c>fullUrl</c> and by <c>Type/id</c>, so that references inside the
/// Bundle (<c>urn:uuid:…</c> subjects, Medication references) resolve without a second parse of
/// anything but the Medications actually referenced.
/// </summary>
internal sealed class BundleIndex
{
    private readonly Dictionary<string, BundleResource> byFullUrl = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BundleResource> byTypeAndId = new(StringComparer.Ordinal);
    private readonly Dictionary<BundleResource, Medication?> medications = [];

    public void Add(string? fullUrl, string resourceType, string? id, JsonElement resource)
    {
        var entry = new BundleResource(resourceType, id, resource);
        if (!string.IsNullOrEmpty(fullUrl))
        {
            byFullUrl.TryAdd(fullUrl, entry);
        }

        if (!string.IsNullOrEmpty(id))
        {
            byTypeAndId.TryAdd($"{resourceType}/{id}", entry);
        }
    }

    public BundleResource? FindByFullUrl(string fullUrl) => byFullUrl.GetValueOrDefault(fullUrl);

    public BundleResource? FindByTypeAndId(string typeAndId) => byTypeAndId.GetValueOrDefault(typeAndId);

    /// <summary>The Medication in <paramref name="entry"/>, parsed once; null when it is not a valid Medication.</summary>
    public Medication? MedicationOf(BundleResource entry)
    {
        if (entry.ResourceType != "Medication")
        {
            return null;
        }

        if (!medications.TryGetValue(entry, out var medication))
        {
            medication = Parse(entry.Resource);
            medications[entry] = medication;
        }

        return medication;
    }

    private static Medication? Parse(JsonElement resource)
    {
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(resource));
        try
        {
            return FhirDeserialization.Deserializer.TryDeserializeResource(ref reader, out var parsed, out _) ? parsed as Medication : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or IndexOutOfRangeException or ArgumentException)
        {
            // An unreadable contained Medication leaves the request's medication without a name, nothing worse.
            return null;
        }
    }
}
