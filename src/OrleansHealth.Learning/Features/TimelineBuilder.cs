using System.Globalization;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Clinical.Profiles;

namespace OrleansHealth.Learning.Features;

/// <summary>Reduces a unified profile to its de-identified <see cref="ClinicalTimeline"/>.</summary>
public static class TimelineBuilder
{
    public static ClinicalTimeline From(PatientProfile profile, string pseudonymousId)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var observations = profile.Observations.Values
            .Select(o => o.Fact)
            .Select(f => new TimelineObservation(f.Code.ToString(), f.Value, f.ValueCode?.Code ?? f.ValueText, Day(f.EffectiveAt)))
            .ToList();
        var events = profile.Events.Values
            .Select(e => e.Fact)
            .Select(f => new TimelineEvent(f.Kind, f.Code.ToString(), Day(f.StartAt)))
            .ToList();
        return new ClinicalTimeline(pseudonymousId, BirthDate(profile), Sex(profile), observations, events, Zip3(profile));
    }

    private static DateOnly? Day(DateTimeOffset? at) => at is { } t ? DateOnly.FromDateTime(t.UtcDateTime) : null;

    private static DateOnly? BirthDate(PatientProfile profile) =>
        profile.Demographics.TryGetValue(DemographicFields.BirthDate, out var field)
        && DateOnly.TryParseExact(field.Current.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
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
