using System.Globalization;

namespace OrleansHealth.Learning.Privacy;

/// <summary>
/// The HIPAA Safe Harbor rules (45 CFR 164.514(b)(2)) for the values a de-identified export may carry: dates
/// only as years, ages over 89 as one group (and no birth year that would reveal such an age), ZIP codes only
/// as their first three digits, and "000" for three-digit areas of 20,000 people or fewer. The 18 identifiers
/// themselves (names, contact details, record numbers, …) never reach the learning data in the first place.
/// </summary>
public static class SafeHarbor
{
    /// <summary>The oldest age that may be given as it is; older patients are all <see cref="OldestGroup"/>.</summary>
    public const int OldestExactAge = 89;

    public const string OldestGroup = "90+";

    /// <summary>What a three-digit ZIP area of 20,000 people or fewer becomes.</summary>
    public const string SmallZipArea = "000";

    /// <summary>
    /// The three-digit ZIP areas with 20,000 people or fewer, as listed by HHS's de-identification guidance
    /// (2000 Census). A deployment outside the US has no ZIP codes; its timelines carry none.
    /// </summary>
    public static readonly IReadOnlySet<string> SmallZipAreas = new HashSet<string>(StringComparer.Ordinal)
    {
        "036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831", "878", "879", "884", "890", "893",
    };

    /// <summary>Whole years from <paramref name="birth"/> to <paramref name="at"/>, or null when either is unknown.</summary>
    public static int? Age(DateOnly? birth, DateOnly? at)
    {
        if (birth is not { } b || at is not { } a)
        {
            return null;
        }

        var years = a.Year - b.Year;
        return a < b.AddYears(years) ? years - 1 : years;
    }

    /// <summary>The age as exported: the number of years up to 89, <see cref="OldestGroup"/> above.</summary>
    public static string? AgeGroup(int? age) =>
        age is not { } years ? null : years > OldestExactAge ? OldestGroup : years.ToString(CultureInfo.InvariantCulture);

    /// <summary>An age used as a number (a model's age feature): ages over 89 all become 90.</summary>
    public static float CapAge(float age) => age > OldestExactAge ? OldestExactAge + 1 : age;

    /// <summary>The year of birth, unless the patient is over 89 at <paramref name="at"/> (the year would tell) or the age is unknown.</summary>
    public static int? BirthYear(DateOnly? birth, DateOnly? at) =>
        birth is { } b && Age(birth, at) is <= OldestExactAge ? b.Year : null;

    /// <summary>A three-digit ZIP area as exported: itself, <see cref="SmallZipArea"/> for a small one, nothing when malformed.</summary>
    public static string? Zip3(string? zip3) =>
        zip3 is not { Length: 3 } || !zip3.All(char.IsAsciiDigit) ? null
        : SmallZipAreas.Contains(zip3) ? SmallZipArea
        : zip3;
}
