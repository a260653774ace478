using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using Hl7.Fhir.Validation;
using OrleansHealth.Clinical.Formats.Fhir.Mapping;
using OrleansHealth.Clinical.Reading;

namespace OrleansHealth.Clinical.Formats.Fhir;

/// <summary>
/// Turns the UTF-8 JSON of one resource (an NDJSON line, a Bundle entry's resource, a whole
/// single-resource body) into what the readers yield: facts, a rejection with a reason a person can
/// act on, or a skip for a type the profile does not hold.
/// </summary>
internal static class FhirRecordParser
{
    private const int IssuesInReason = 3;

    /// <param name="syntaxChecked">True when the caller already knows the JSON is well formed (a parsed Bundle).</param>
    public static void Parse(
        ReadOnlySpan<byte> json, int line, string? fullUrl, ReferenceResolver references, bool syntaxChecked, List<ReadItem> output)
    {
        var resourceType = ResourceHeader.ReadResourceType(json, out var problem);
        if (resourceType is null)
        {
            output.Add(new RecordRejected(line, problem!, Raw(json)));
            return;
        }

        if (!FhirResourceMapper.Supports(resourceType))
        {
            output.Add(Unsupported(json, line, resourceType, syntaxChecked));
            return;
        }

        var raw = Raw(json);
        if (Deserialize(json, resourceType, out problem) is not { } resource)
        {
            output.Add(new RecordRejected(line, problem!, raw));
            return;
        }

        var context = new FhirMappingContext(RecordId(resource, fullUrl, json), fullUrl, references);
        var mapping = FhirResourceMapper.Map(resource, context);
        if (mapping.Rejection is { } reason)
        {
            output.Add(new RecordRejected(line, reason, raw));
            return;
        }

        foreach (var fact in mapping.Facts)
        {
            output.Add(new FactRead(line, mapping.Subject, fact, raw));
        }
    }

    /// <summary>
    /// Types the profile does not hold are counted, not parsed: a JSON syntax scan is enough to tell a
    /// well-formed Claim from garbage, and skipping Firely for them keeps Synthea Bundles (a third
    /// Claims and ExplanationOfBenefits) cheap. A name that is no R4 resource type at all is a mistake.
    /// </summary>
    private static ReadItem Unsupported(ReadOnlySpan<byte> json, int line, string resourceType, bool syntaxChecked)
    {
        var problem = syntaxChecked ? null : ResourceHeader.SyntaxProblem(json);
        if (problem is null && !ModelInfo.IsKnownResource(resourceType))
        {
            problem = $"'{resourceType}' is not a FHIR R4 resource type";
        }

        return problem is null ? new RecordSkipped(line, resourceType) : new RecordRejected(line, problem, Raw(json));
    }

    private static Resource? Deserialize(ReadOnlySpan<byte> json, string resourceType, out string? problem)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!FhirDeserialization.Deserializer.TryDeserializeResource(ref reader, out var resource, out var issues))
            {
                var problems = issues.Where(issue => !IsMissingSubject(issue)).ToList();
                if (problems.Count > 0 || resource is null)
                {
                    problem = $"invalid FHIR {resourceType}: {Describe(problems)}";
                    return null;
                }
            }

            if (reader.Read())
            {
                problem = "more than one JSON value; send exactly one resource per record";
                return null;
            }

            problem = null;
            return resource;
        }
        catch (JsonException e)
        {
            problem = ResourceHeader.NotJson(e);
            return null;
        }
        catch (InvalidOperationException e)
        {
            // Firely's complaint about a structurally wrong value (an array where an object belongs), or
            // System.Text.Json's about a string that is not valid UTF-8.
            problem = $"invalid FHIR {resourceType}: {e.Message}";
            return null;
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException or NullReferenceException or FormatException or OverflowException)
        {
            // Firely itself fails on some malformed input instead of reporting an issue (the fuzz tests found an
            // IndexOutOfRangeException for a mangled property name): that costs the record, not the request.
            problem = $"invalid FHIR {resourceType}: the FHIR parser could not read it ({e.GetType().Name})";
            return null;
        }
    }

    /// <summary>
    /// R4 makes the subject of a Condition, a MedicationRequest, a Procedure (and the patient of an
    /// Immunization or AllergyIntolerance) mandatory. Its absence is not a parse error here: the record
    /// goes on with a missing subject, and validation quarantines it with that reason.
    /// </summary>
    private static bool IsMissingSubject(CodedException issue) =>
        issue is CodedValidationException { InstancePath: "$this.subject" or "$this.patient" } validation
        && validation.ErrorCode == CodedValidationException.MANDATORY_ELEMENT_MUST_BE_PRESENT_CODE;

    private static string Describe(List<CodedException> issues)
    {
        if (issues.Count == 0)
        {
            return "the resource could not be read";
        }

        var messages = issues.Select(issue => issue.Message).ToList();
        var shown = string.Join("; ", messages.Take(IssuesInReason));
        return messages.Count > IssuesInReason ? $"{shown}; and {messages.Count - IssuesInReason} more" : shown;
    }

    /// <summary><c>Type/id</c>; without an id the Bundle fullUrl; without either a hash of the record, so a re-send is the same record.</summary>
    private static string RecordId(Resource resource, string? fullUrl, ReadOnlySpan<byte> json)
    {
        if (!string.IsNullOrEmpty(resource.Id))
        {
            return $"{resource.TypeName}/{resource.Id}";
        }

        return string.IsNullOrEmpty(fullUrl) ? RecordIds.Hashed(resource.TypeName, json) : fullUrl;
    }

    private static string Raw(ReadOnlySpan<byte> json) => Encoding.UTF8.GetString(json);
}
