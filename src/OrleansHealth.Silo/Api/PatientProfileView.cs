using OrleansHealth.Clinical.Model;
using OrleansHealth.Clinical.Profiles;

namespace OrleansHealth.Silo.Api;

/// <summary>
/// The unified profile as <c>GET /api/patients/{patientId}</c> returns it: every value with the
/// source, record and time it came from; observations grouped by code, oldest first, with the latest
/// value up front.
/// </summary>
public sealed record PatientProfileView(
    string PatientId,
    long Version,
    IReadOnlyDictionary<string, DemographicFieldView> Demographics,
    IReadOnlyList<IdentifierView> Identifiers,
    IReadOnlyList<ObservationSeriesView> Observations,
    IReadOnlyDictionary<string, IReadOnlyList<EventView>> Events,
    IReadOnlyList<string> SourceLinks)
{
    public static PatientProfileView From(string patientId, PatientProfile profile) => new(
        patientId,
        profile.Version,
        profile.Demographics
            .OrderBy(d => DemographicFields.All.ToList().IndexOf(d.Key))
            .ToDictionary(d => d.Key, d => new DemographicFieldView(
                d.Value.Current.Value, d.Value.Current.Source, [.. d.Value.Alternatives.Select(a => new AlternativeView(a.Value, a.Source))])),
        [.. profile.Identifiers.Values
            .OrderBy(i => i.Identifier.System, StringComparer.Ordinal)
            .Select(i => new IdentifierView(i.Identifier.System, i.Identifier.Value, i.Source))],
        [.. profile.Observations.Values
            .GroupBy(o => (o.Fact.Code.System, o.Fact.Code.Code))
            .Select(ObservationSeriesView.From)
            .OrderBy(s => s.System, StringComparer.Ordinal)
            .ThenBy(s => s.Code, StringComparer.Ordinal)],
        profile.Events.Values
            .GroupBy(e => e.Fact.Kind)
            .OrderBy(g => g.Key)
            .ToDictionary(
                g => EventKindName(g.Key),
                g => (IReadOnlyList<EventView>)[.. g.OrderBy(e => e.Fact.StartAt).Select(EventView.From)]),
        [.. profile.SourceLinks]);

    private static string EventKindName(EventKind kind) => kind switch
    {
        EventKind.Condition => "conditions",
        EventKind.Medication => "medications",
        EventKind.Encounter => "encounters",
        EventKind.Allergy => "allergies",
        EventKind.Immunization => "immunizations",
        EventKind.Procedure => "procedures",
        _ => kind.ToString().ToLowerInvariant(),
    };
}

public sealed record DemographicFieldView(string Value, Provenance Source, IReadOnlyList<AlternativeView> Alternatives);

public sealed record AlternativeView(string Value, Provenance Source);

public sealed record IdentifierView(string System, string Value, Provenance Source);

public sealed record ObservationValueView(
    double? Value, string? Unit, string? ValueCode, string? ValueText, DateTimeOffset? EffectiveAt,
    double? OriginalValue, string? OriginalUnit, Provenance Source);

public sealed record ObservationSeriesView(string System, string Code, string? Display, string? Unit, ObservationValueView Latest, IReadOnlyList<ObservationValueView> Values)
{
    public static ObservationSeriesView From(IGrouping<(string System, string Code), ProvenancedFact<ObservationFact>> series)
    {
        var values = series
            .OrderBy(o => o.Fact.EffectiveAt)
            .ThenBy(o => o.Source.AssertedAt)
            .Select(o => new ObservationValueView(o.Fact.Value, o.Fact.Unit, o.Fact.ValueCode?.Code, o.Fact.ValueText,
                o.Fact.EffectiveAt, o.Fact.OriginalValue, o.Fact.OriginalUnit, o.Source))
            .ToList();
        var display = series.Select(o => o.Fact.Code.Display).FirstOrDefault(d => d is not null);
        return new ObservationSeriesView(series.Key.System, series.Key.Code, display, values[^1].Unit, values[^1], values);
    }
}

public sealed record EventView(string System, string Code, string? Display, DateTimeOffset? StartAt, DateTimeOffset? EndAt, string? Status, Provenance Source)
{
    public static EventView From(ProvenancedFact<EventFact> e) =>
        new(e.Fact.Code.System, e.Fact.Code.Code, e.Fact.Code.Display, e.Fact.StartAt, e.Fact.EndAt, e.Fact.Status, e.Source);
}
