using OrleansHealth.Sources;

namespace OrleansHealth.Silo.Api;

/// <summary>Turns a registration request into a <see cref="SourceRegistration"/> or a list of field errors.</summary>
public static class SourceRegistrationValidator
{
    public const int DefaultTrustRank = 50;
    public const int MaxNameLength = 200;

    private static readonly Dictionary<string, SourceFormat> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fhir-json"] = SourceFormat.FhirJson,
        ["fhir-ndjson"] = SourceFormat.FhirNdjson,
        ["csv"] = SourceFormat.Csv,
    };

    public static string FormatName(SourceFormat format) => Formats.First(f => f.Value == format).Key;

    public static SourceRegistration? Validate(string sourceId, SourceRegistrationRequest? request, out Dictionary<string, string[]> errors)
    {
        errors = [];
        if (!SourceIds.IsValid(sourceId))
        {
            errors["sourceId"] = [$"use 1–{SourceIds.MaxLength} lower-case letters, digits and dashes, e.g. 'ehr-st-mary'."];
        }

        if (request is null)
        {
            errors["body"] = ["send a JSON object with name, format and trustRank."];
            return null;
        }

        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            errors["name"] = [$"give a name of 1–{MaxNameLength} characters."];
        }

        if (request.Format is null || !Formats.TryGetValue(request.Format, out var format))
        {
            errors["format"] = [$"use one of {string.Join(", ", Formats.Keys)}."];
            format = default;
        }

        var rank = request.TrustRank ?? DefaultTrustRank;
        if (rank is < 0 or > 100)
        {
            errors["trustRank"] = ["use a whole number from 0 to 100."];
        }

        return errors.Count == 0 ? new SourceRegistration(name!, format, rank) : null;
    }
}
