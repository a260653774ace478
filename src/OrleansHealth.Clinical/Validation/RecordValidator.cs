using System.Globalization;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Clinical.Reading;
using OrleansHealth.Clinical.Units;

namespace OrleansHealth.Clinical.Validation;

/// <summary>
/// Checks one parsed record for values no real record can have, and normalises observation units.
/// Returns the fact to apply (units normalised) or the failure to quarantine.
/// </summary>
public sealed class RecordValidator(TimeProvider time)
{
    /// <summary>Clock skew between a feed and us that is still not "in the future".</summary>
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    private static readonly DateOnly EarliestBirthDate = new(1880, 1, 1);

    public (IClinicalFact? Fact, ValidationFailure? Failure) Validate(FactRead read)
    {
        if (read.Subject.IsMissing)
        {
            return Fail(ValidationRules.MissingSubject, "the record names no patient (subject/patient reference is missing)");
        }

        return read.Fact switch
        {
            PatientFact patient => ValidatePatient(patient),
            ObservationFact observation => ValidateObservation(observation),
            EventFact clinicalEvent => ValidateEvent(clinicalEvent),
            _ => Fail(ValidationRules.Unparseable, $"unsupported fact type {read.Fact.GetType().Name}"),
        };
    }

    private (IClinicalFact?, ValidationFailure?) ValidatePatient(PatientFact patient)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var d = patient.Demographics;
        if (d.BirthDate is { } birth && birth > today.AddDays(1))
        {
            return Fail(ValidationRules.BirthDateInFuture, $"birth date {Iso(birth)} is in the future");
        }

        if (d.BirthDate is { } early && early < EarliestBirthDate)
        {
            return Fail(ValidationRules.BirthDateImplausible, $"birth date {Iso(early)} is before {Iso(EarliestBirthDate)}");
        }

        if (d is { BirthDate: { } b, DeceasedDate: { } deceased } && deceased < b)
        {
            return Fail(ValidationRules.DeceasedBeforeBirth, $"deceased date {Iso(deceased)} is before birth date {Iso(b)}");
        }

        return (patient, null);
    }

    private (IClinicalFact?, ValidationFailure?) ValidateObservation(ObservationFact observation)
    {
        if (string.IsNullOrWhiteSpace(observation.Code.Code))
        {
            return Fail(ValidationRules.MissingCode, "the observation has no code");
        }

        if (IsInFuture(observation.EffectiveAt))
        {
            return Fail(ValidationRules.DateInFuture, $"effective time {observation.EffectiveAt:O} is in the future");
        }

        var normalized = UnitNormalizer.Normalize(observation);
        if (normalized.Fact is not { } fact)
        {
            return Fail(ValidationRules.UnknownUnit, normalized.Refusal!);
        }

        var kind = fact.Code.System == CodeSystems.Loinc ? QuantityCatalog.ForLoinc(fact.Code.Code) : null;
        if (kind is not null && fact.Value is { } value && (value < kind.PlausibleMin || value > kind.PlausibleMax || !double.IsFinite(value)))
        {
            var shown = fact.OriginalValue is { } original ? $"{Number(original)} {fact.OriginalUnit}" : $"{Number(value)} {fact.Unit}";
            return Fail(ValidationRules.ImpossibleValue,
                $"{kind.Name} {shown} is impossible (plausible {Number(kind.PlausibleMin)}–{Number(kind.PlausibleMax)} {kind.CanonicalUnit})");
        }

        return (fact, null);
    }

    private (IClinicalFact?, ValidationFailure?) ValidateEvent(EventFact clinicalEvent)
    {
        if (string.IsNullOrWhiteSpace(clinicalEvent.Code.Code))
        {
            return Fail(ValidationRules.MissingCode, $"the {clinicalEvent.Kind.ToString().ToLowerInvariant()} has no code");
        }

        if (IsInFuture(clinicalEvent.StartAt))
        {
            return Fail(ValidationRules.DateInFuture, $"start time {clinicalEvent.StartAt:O} is in the future");
        }

        if (clinicalEvent is { StartAt: { } start, EndAt: { } end } && end < start)
        {
            return Fail(ValidationRules.EndBeforeStart, $"end {end:O} is before start {start:O}");
        }

        return (clinicalEvent, null);
    }

    private bool IsInFuture(DateTimeOffset? at) => at is { } t && t > time.GetUtcNow() + FutureTolerance;

    private static (IClinicalFact?, ValidationFailure?) Fail(string rule, string message) => (null, new ValidationFailure(rule, message));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
