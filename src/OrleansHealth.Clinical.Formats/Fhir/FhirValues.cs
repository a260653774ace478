using System.Globalization;
using Hl7.Fhir.Model;
using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Formats.Fhir;

/// <summary>Conversions from Firely's data types to the canonical model's.</summary>
internal static class FhirValues
{
    /// <summary>The first coding that has a code; its display is kept. Null when none has one.</summary>
    public static ClinicalCode? FirstCode(CodeableConcept? concept)
    {
        if (concept?.Coding is not { } codings)
        {
            return null;
        }

        foreach (var coding in codings)
        {
            if (CodeOf(coding) is { } code)
            {
                return code;
            }
        }

        return null;
    }

    public static ClinicalCode? CodeOf(Coding? coding) =>
        string.IsNullOrEmpty(coding?.Code) ? null : new ClinicalCode(coding.System ?? "", coding.Code, coding.Display);

    /// <summary>A partial date-time is filled out to its start; one without an offset is taken as UTC.</summary>
    public static DateTimeOffset? Instant(FhirDateTime? value) =>
        value is not null && value.TryToDateTimeOffset(TimeSpan.Zero, out var instant) ? instant : null;

    public static DateTimeOffset? Start(DataType? value) => value switch
    {
        FhirDateTime dateTime => Instant(dateTime),
        Period period => Instant(period.StartElement),
        Instant instant => instant.Value,
        _ => null,
    };

    public static DateTimeOffset? End(DataType? value) => value switch
    {
        Period period => Instant(period.EndElement),
        _ => null,
    };

    /// <summary>
    /// The calendar date as written (a date-time's local date, not shifted to UTC). Partial dates give
    /// null: a year alone is not a birth date identity resolution can compare.
    /// </summary>
    public static DateOnly? CalendarDate(string? value) =>
        value is { Length: >= 10 }
        && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    /// <summary>The code literal of a status element (<c>finished</c>, <c>active</c>), as the source wrote it.</summary>
    public static string? Literal(PrimitiveType? element) => element?.JsonValue as string;
}
