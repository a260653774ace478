using System.Globalization;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Clinical.Profiles;

namespace OrleansHealth.Learning.Features;

/// <summary>
/// Reduces a unified profile to its de-identified <see cref="ClinicalTimeline"/>: coded facts without text that
/// could name anyone, the first three digits of the ZIP code, and dates only to the month (every date in a
/// timeline is the first of its month), so that no full date of a patient's life is kept outside its own grain.
/// Windows of days and ages in whole years are computed on those months; an age can come out a year high in the
/// birth month.
/// </summary>
public static class TimelineBuilder
{
    public static ClinicalTimeline From(PatientProfile profile, string pseudonymousId)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var observations = profile.Observations.Values
            .Select(o => o.Fact)
            .Select(f => new TimelineObservation(f.Code.ToString(), f.Value, f.ValueCode?.Code ?? f.ValueText, Month(f.EffectiveAt)))
            .ToList();
        var events = profile.Events.Values
            .Select(e => e.Fact)
            .Select(f => new TimelineEvent(f.Kind, f.Code.ToString(), Month(f.StartAt)))
            .ToList();
        return new ClinicalTimeline(pseudonymousId, BirthDate(profile), Sex(profile), observations, events, Zip3(profile));
    }

    private static DateOnly? Month(DateTimeOffset? at) => at is { } t ? Month(DateOnly.FromDateTime(t.UtcDateTime)) : null;

    private static DateOnly Month(DateOnly day) => new(day.Year, day.Month, 1);

    private static DateOnly? BirthDate(PatientProfile profile) =>
        profile.Demographics.TryGetValue(DemographicFields.BirthDate, out var field)
        && DateOnly.TryParseExact(field.Current.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Month(date)
            : null;

    /// <summary>The first three digits of a US ZIP code (5 digits, or ZIP+4); nothing for other postal codes.</summary>
    private static string? Zip3(PatientProfile profile) =>
        profile.Demographics.TryGetValue(DemographicFields.PostalCode, out var field)
        && field.Current.Value?.Trim() is { Length: 5 or 9 or 10 } zip
        && zip[..5].All(char.IsAsciiDigit)
            ? zip[..3]
            : null;

    private static AdministrativeSex Sex(PatientProfile profile) =>
        profile.Demographics.TryGetValue(DemographicFields.Sex, out var field)
        && Enum.TryParse<AdministrativeSex>(field.Current.Value, ignoreCase: true, out var sex)
            ? sex
            : AdministrativeSex.Unknown;
}
