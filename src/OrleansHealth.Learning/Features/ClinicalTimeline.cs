using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Learning.Features;

/// <summary>
/// What a feature partition keeps about one patient: the facts features and outcomes are computed
/// from, under a pseudonymous id, without names, identifiers, addresses or free text. Keeping the
/// timeline rather than one row per model means a new model trains on every patient at once,
/// without asking each patient grain to recompute anything. <see cref="Zip3"/> is the first three digits of
/// a US postal code, never the whole code; exports still apply Safe Harbor's rule to it. Every date is the first
/// of its month (<see cref="TimelineBuilder"/>): no full date leaves the patient's grain.
/// </summary>
[GenerateSerializer, Immutable, Alias("oh.learning.ClinicalTimeline")]
public sealed record ClinicalTimeline(
    [property: Id(0)] string PseudonymousId,
    [property: Id(1)] DateOnly? BirthDate,
    [property: Id(2)] AdministrativeSex Sex,
    [property: Id(3)] IReadOnlyList<TimelineObservation> Observations,
    [property: Id(4)] IReadOnlyList<TimelineEvent> Events,
    [property: Id(5)] string? Zip3 = null)
{
    /// <summary>The latest date of any fact: the reference date when a model has no index date.</summary>
    public DateOnly? LatestDate()
    {
        DateOnly? latest = null;
        foreach (var o in Observations)
        {
            if (o.Date is { } d && (latest is null || d > latest))
            {
                latest = d;
            }
        }

        foreach (var e in Events)
        {
            if (e.Start is { } d && (latest is null || d > latest))
            {
                latest = d;
            }
        }

        return latest;
    }
}
