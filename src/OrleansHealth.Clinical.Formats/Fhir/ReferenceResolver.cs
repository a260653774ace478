using Hl7.Fhir.Model;
using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Formats.Fhir;

/// <summary>
/// Turns FHIR references into whom a record is about, and finds referenced Medications. Inside a
/// Bundle, <c>urn:uuid:</c> references resolve through <see cref="BundleIndex"/>; outside one (NDJSON)
/// only literal and conditional references and contained resources can be followed.
/// </summary>
internal sealed class ReferenceResolver(BundleIndex? bundle)
{
    private static readonly SubjectRef Missing = new(null);

    /// <summary>For resources read on their own (NDJSON, a single-resource body).</summary>
    public static ReferenceResolver Standalone { get; } = new(null);

    /// <summary>
    /// A subject or patient reference: <c>Patient/123</c> (or a URL ending in it) is local id 123; a
    /// <c>urn:uuid:</c> is the referenced Bundle Patient's id, or the uuid itself; a conditional
    /// <c>Patient?identifier=system|value</c> or a reference by identifier keeps the identifier.
    /// Anything that is not a patient is a missing subject, which validation quarantines.
    /// </summary>
    public SubjectRef Subject(ResourceReference? reference)
    {
        if (reference is null)
        {
            return Missing;
        }

        var text = reference.Reference;
        if (string.IsNullOrEmpty(text))
        {
            return reference.Identifier is { Value.Length: > 0 } identifier
                ? new SubjectRef(null, new PatientIdentifier(identifier.System ?? "", identifier.Value))
                : Missing;
        }

        if (text.StartsWith("urn:", StringComparison.Ordinal))
        {
            return FromUrn(text);
        }

        var query = text.IndexOf('?');
        if (query >= 0)
        {
            return text.AsSpan(0, query).SequenceEqual("Patient") ? FromConditional(text.AsSpan(query + 1)) : Missing;
        }

        return TypeAndId(text) is ("Patient", { } id) ? SubjectRef.Local(id) : Missing;
    }

    /// <summary>A Patient is its own subject: its id, else what its Bundle fullUrl names.</summary>
    public static SubjectRef OwnSubject(Patient patient, string? fullUrl)
    {
        if (!string.IsNullOrEmpty(patient.Id))
        {
            return SubjectRef.Local(patient.Id);
        }

        if (string.IsNullOrEmpty(fullUrl))
        {
            return Missing;
        }

        if (fullUrl.StartsWith("urn:", StringComparison.Ordinal))
        {
            return SubjectRef.Local(UrnTail(fullUrl));
        }

        return TypeAndId(fullUrl) is ("Patient", { } id) ? SubjectRef.Local(id) : Missing;
    }

    /// <summary>A Medication contained in <paramref name="owner"/> or elsewhere in the Bundle; null when neither has it.</summary>
    public Medication? Medication(ResourceReference reference, DomainResource owner)
    {
        var text = reference.Reference;
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text[0] == '#')
        {
            var id = text[1..];
            return owner.Contained.OfType<Medication>().FirstOrDefault(m => m.Id == id);
        }

        if (bundle is null)
        {
            return null;
        }

        var entry = bundle.FindByFullUrl(text);
        if (entry is null && TypeAndId(text) is ({ } type, { } localId))
        {
            entry = bundle.FindByTypeAndId($"{type}/{localId}");
        }

        return entry is null ? null : bundle.MedicationOf(entry);
    }

    private SubjectRef FromUrn(string urn)
    {
        if (bundle?.FindByFullUrl(urn) is { } entry)
        {
            return entry.ResourceType == "Patient" ? SubjectRef.Local(string.IsNullOrEmpty(entry.Id) ? UrnTail(urn) : entry.Id) : Missing;
        }

        // Not in this Bundle: Synthea and most exporters make the Patient's id its uuid, so the uuid
        // still names the patient a previous Bundle introduced.
        return SubjectRef.Local(UrnTail(urn));
    }

    private static SubjectRef FromConditional(ReadOnlySpan<char> query)
    {
        foreach (var range in query.Split('&'))
        {
            var parameter = query[range];
            if (!parameter.StartsWith("identifier="))
            {
                continue;
            }

            var token = Uri.UnescapeDataString(parameter["identifier=".Length..].ToString());
            var bar = token.IndexOf('|');
            var system = bar < 0 ? "" : token[..bar];
            var value = bar < 0 ? token : token[(bar + 1)..];
            return value.Length == 0 ? Missing : new SubjectRef(null, new PatientIdentifier(system, value));
        }

        return Missing;
    }

    /// <summary><c>Type/id</c> from a relative or absolute literal reference, ignoring <c>/_history/v</c>.</summary>
    private static (string? Type, string? Id) TypeAndId(string reference)
    {
        var path = reference.AsSpan();
        var history = path.IndexOf("/_history/", StringComparison.Ordinal);
        if (history >= 0)
        {
            path = path[..history];
        }

        var lastSlash = path.LastIndexOf('/');
        if (lastSlash <= 0 || lastSlash == path.Length - 1)
        {
            return (null, null);
        }

        var typeStart = path[..lastSlash].LastIndexOf('/') + 1;
        return (path[typeStart..lastSlash].ToString(), path[(lastSlash + 1)..].ToString());
    }

    private static string UrnTail(string urn) => urn[(urn.LastIndexOf(':') + 1)..];
}
