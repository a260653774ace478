using System.Text.Json;

namespace OrleansHealth.Clinical.Formats.Fhir;

/// <summary>
/// Reads a resource's <c>resourceType</c> without parsing the resource, so that types the profile
/// does not hold (Claim, ExplanationOfBenefit, …) cost a syntax scan instead of a Firely parse.
/// </summary>
internal static class ResourceHeader
{
    /// <summary>Returns the resource type, or null with <paramref name="problem"/> saying what is wrong.</summary>
    public static string? ReadResourceType(ReadOnlySpan<byte> json, out string? problem)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                problem = "a FHIR resource must be a JSON object";
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isResourceType = reader.ValueTextEquals("resourceType"u8);
                reader.Read();
                if (isResourceType)
                {
                    if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.IsEmpty)
                    {
                        problem = "resourceType must be a non-empty string";
                        return null;
                    }

                    problem = null;
                    return reader.GetString();
                }

                reader.Skip();
            }

            problem = "the resource has no resourceType; every record must be one FHIR resource";
            return null;
        }
        catch (JsonException e)
        {
            problem = NotJson(e);
            return null;
        }
        catch (InvalidOperationException)
        {
            // The reader checks UTF-8 only when a string is decoded.
            problem = "resourceType is not valid UTF-8 text";
            return null;
        }
    }

    /// <summary>Scans the whole value; null when it is one well-formed JSON value, else what is wrong.</summary>
    public static string? SyntaxProblem(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            while (reader.Read())
            {
            }

            return null;
        }
        catch (JsonException e)
        {
            return NotJson(e);
        }
    }

    public static string NotJson(JsonException e) => $"not valid JSON: {e.Message}";
}
