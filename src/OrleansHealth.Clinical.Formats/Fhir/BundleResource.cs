using System.Text.Json;

namespace OrleansHealth.Clinical.Formats.Fhir;

/// <summary>One resource of a Bundle, as <see cref="BundleIndex"/> found it. Compared by reference.</summary>
internal sealed class BundleResource(string resourceType, string? id, JsonElement resource)
{
    public string ResourceType { get; } = resourceType;

    public string? Id { get; } = id;

    public JsonElement Resource { get; } = resource;
}
