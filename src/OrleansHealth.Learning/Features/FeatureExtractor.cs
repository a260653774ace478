using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Learning.Features;

/// <summary>
/// Computes a model's feature row and outcome from a <see cref="ClinicalTimeline"/>. Built once per
/// definition (codes resolved up front) and then applied to every patient of a partition.
/// </summary>
public sealed class FeatureExtractor
{
    private static readonly string[] DefaultPositive = ["1", "true", "yes"];

    private readonly ModelDefinition definition;
    private readonly CodeMatcher?[] matchers;
    private readonly CodeMatcher outcome;
    private readonly CodeMatcher? holdout;
    private readonly HashSet<string> positive;

    public FeatureExtractor(ModelDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        this.definition = definition;
        matchers = [.. definition.Features.Select(Matcher)];
        outcome = new CodeMatcher(CodeSystemNames.Resolve(definition.Outcome), definition.Outcome.Code.Trim(), definition.Outcome.Prefix);
        holdout = definition.HoldoutColumn is { } column ? Matcher(column) : null;
        positive = new HashSet<string>(definition.Outcome.PositiveValues ?? DefaultPositive, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<string> Names => [.. definition.Features.Select(f => f.Name)];

    /// <summary>
    /// The feature values alone, for scoring a patient whose outcome is not known: read as of the
    /// model's index date, or as of the patient's latest fact when the model has none.
    /// </summary>
    public float[] Features(ClinicalTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var reference = definition.IndexDate ?? timeline.LatestDate();
        var values = new float[matchers.Length];
        for (var i = 0; i < matchers.Length; i++)
        {
            values[i] = Value(definition.Features[i], matchers[i], timeline, reference, out _);
        }

        return values;
    }

    /// <summary>The row, or null when the patient is not in the model's cohort (no outcome, or the outcome already happened by the index date).</summary>
    public ExtractedRow? Extract(ClinicalTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var reference = definition.IndexDate ?? timeline.LatestDate();
        if (Label(timeline, reference) is not { } label)
        {
            return null;
        }

        var values = new float[matchers.Length];
        var matched = new bool[matchers.Length];
        for (var i = 0; i < matchers.Length; i++)
        {
            values[i] = Value(definition.Features[i], matchers[i], timeline, reference, out matched[i]);
        }

        var split = holdout is null ? null : timeline.Observations.FirstOrDefault(o => holdout.Matches(o.Code)) is { } o
            ? o.Text ?? o.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
        return new ExtractedRow(values, label, matched, split);
    }

    private bool? Label(ClinicalTimeline timeline, DateOnly? reference)
    {
        if (definition.Outcome.Kind == OutcomeKind.Label)
        {
            var labelled = timeline.Observations.Where(o => outcome.Matches(o.Code)).MaxBy(o => o.Date ?? DateOnly.MaxValue);
            return labelled is null ? null : positive.Contains(LabelText(labelled));
        }

        // A condition outcome: the patient must have been seen by the index date and not have the condition yet.
        if (reference is not { } index || !SeenBy(timeline, index))
        {
            return null;
        }

        var onsets = timeline.Events.Where(e => e.Kind == EventKind.Condition && e.Start is not null && outcome.Matches(e.Code)).Select(e => e.Start!.Value).ToList();
        if (onsets.Any(d => d <= index))
        {
            return null;
        }

        var end = index.AddDays(definition.Outcome.WindowDays ?? 365);
        return onsets.Any(d => d > index && d <= end);
    }

    private static string LabelText(TimelineObservation o) =>
        o.Text ?? (o.Value is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");

    private static bool SeenBy(ClinicalTimeline timeline, DateOnly index) =>
        timeline.Observations.Any(o => o.Date is { } d && d <= index) || timeline.Events.Any(e => e.Start is { } d && d <= index);

    private static float Value(FeatureSpec spec, CodeMatcher? matcher, ClinicalTimeline timeline, DateOnly? reference, out bool matched)
    {
        matched = true;
        switch (spec.Kind)
        {
            case FeatureKind.Age:
                return timeline.BirthDate is { } birth && reference is { } at ? Years(birth, at) : float.NaN;
            case FeatureKind.Sex:
                return timeline.Sex switch { AdministrativeSex.Male => 1f, AdministrativeSex.Female => 0f, _ => float.NaN };
            case FeatureKind.Encounters:
                return timeline.Events.Count(e => e.Kind == EventKind.Encounter && InWindow(e.Start, reference, spec.WindowDays));
            case FeatureKind.Condition or FeatureKind.Medication or FeatureKind.Procedure:
                var kind = spec.Kind switch { FeatureKind.Condition => EventKind.Condition, FeatureKind.Medication => EventKind.Medication, _ => EventKind.Procedure };
                var events = timeline.Events.Where(e => e.Kind == kind && matcher!.Matches(e.Code)).ToList();
                matched = events.Count > 0;
                return events.Any(e => InWindow(e.Start, reference, spec.WindowDays)) ? 1f : 0f;
            default:
                var found = timeline.Observations.Where(o => matcher!.Matches(o.Code)).ToList();
                matched = found.Count > 0;
                return ObservationValue(spec, found.Where(o => InWindow(o.Date, reference, spec.WindowDays)));
        }
    }

    private static float ObservationValue(FeatureSpec spec, IEnumerable<TimelineObservation> observations)
    {
        if (spec.EqualsValue is { } wanted)
        {
            var latest = observations.MaxBy(o => o.Date ?? DateOnly.MaxValue);
            return latest is null ? float.NaN : string.Equals(LabelText(latest), wanted, StringComparison.OrdinalIgnoreCase) ? 1f : 0f;
        }

        var values = observations
            .Where(o => o.Value is { } v && !double.IsNaN(v) && spec.MissingValues?.Contains(v) != true)
            .OrderBy(o => o.Date ?? DateOnly.MaxValue)
            .Select(o => o.Value!.Value)
            .ToList();
        if (spec.Aggregate == Aggregate.Count)
        {
            return values.Count;
        }

        if (values.Count == 0)
        {
            return float.NaN;
        }

        return (float)(spec.Aggregate switch
        {
            Aggregate.Mean => values.Average(),
            Aggregate.Min => values.Min(),
            Aggregate.Max => values.Max(),
            _ => values[^1],
        });
    }

    /// <summary>Facts without a date (tabular rows) belong to the reference date (so they are also the latest); dated ones count inside the window before it.</summary>
    private static bool InWindow(DateOnly? date, DateOnly? reference, int? windowDays)
    {
        if (date is not { } d || reference is not { } r)
        {
            return true;
        }

        return d <= r && (windowDays is not { } w || d > r.AddDays(-w));
    }

    private static float Years(DateOnly birth, DateOnly at)
    {
        var years = at.Year - birth.Year;
        if (at < birth.AddYears(years))
        {
            years--;
        }

        return years;
    }

    private static CodeMatcher? Matcher(FeatureSpec spec) =>
        spec.Kind is FeatureKind.Age or FeatureKind.Sex or FeatureKind.Encounters
            ? null
            : new CodeMatcher(CodeSystemNames.Resolve(spec.System, spec.Kind, spec.Source), spec.Code?.Trim() ?? "", spec.Prefix);
}
