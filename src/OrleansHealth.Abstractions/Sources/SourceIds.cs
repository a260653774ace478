using System.Text.RegularExpressions;

namespace OrleansHealth.Sources;

/// <summary>
/// The shape a source id must have. Ids appear in URLs, grain keys and storage keys, so they are
/// restricted to lower-case letters, digits and dashes.
/// </summary>
public static partial class SourceIds
{
    public const int MaxLength = 64;

    public static bool IsValid(string? sourceId) =>
        sourceId is { Length: > 0 and <= MaxLength } && Shape().IsMatch(sourceId);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
