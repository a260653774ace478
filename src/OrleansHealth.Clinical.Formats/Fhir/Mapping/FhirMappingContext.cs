namespace OrleansHealth.Clinical.Formats.Fhir.Mapping;

/// <summary>What a mapper needs besides the resource: its record id, its Bundle fullUrl, and reference resolution.</summary>
internal sealed record FhirMappingContext(string RecordId, string? FullUrl, ReferenceResolver References);
