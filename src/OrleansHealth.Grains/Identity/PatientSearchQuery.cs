using System.Globalization;

namespace OrleansHealth.Grains.Identity;

/// <summary>
/// A search for patients by name: the family name (required), the start of a given name, and a birth year or
/// a full birth date. The year narrows which blocks are read; the rest only ranks.
/// </summary>
public sealed record PatientSearchQuery(string FamilyName, string? GivenName = null, int? BirthYear = null, DateOnly? BirthDate = null)
{
    /// <summary>The earliest birth year a search without one reads: older patients are found only with their year.</summary>
    public const int EarliestBirthYear = 1900;

    /// <summary>
    /// Reads <c>YYYY-MM-DD</c> or <c>YYYY</c> (a clinician often knows only the year); blank is no birth date.
    /// False for anything else, or a year after <paramref name="currentYear"/> or before <see cref="EarliestBirthYear"/>.
    /// </summary>
    public static bool TryParseBirthDate(string? text, int currentYear, out int? year, out DateOnly? date)
    {
        year = null;
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var full))
        {
            date = full;
            year = full.Year;
        }
        else if (text.Trim() is { Length: 4 } digits && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var onlyYear))
        {
            year = onlyYear;
        }

        return year is >= EarliestBirthYear && year <= currentYear;
    }
}
