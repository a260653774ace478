using System.Globalization;

namespace OrleansHealth.Clinical.Formats.Csv.Synthea;

/// <summary>Synthea writes ISO 8601 dates (<c>2014-10-06</c>) and UTC date-times (<c>2023-01-27T16:17:47Z</c>).</summary>
internal static class SyntheaValues
{
    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd",
    ];

    /// <summary>A date alone is midnight UTC; a date-time without an offset is UTC, as Synthea writes them.</summary>
    public static bool TryInstant(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(text, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);

    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
