using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Quality;

/// <summary>
/// Counts one chunk of records for the source's counters and quality figures: which fields each
/// accepted record carried, which rules rejected records, and which patients were touched.
/// </summary>
public sealed class IngestTallyBuilder
{
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _kinds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _present = new(StringComparer.Ordinal);
    private readonly HashSet<string> _patients = new(StringComparer.Ordinal);
    private int _received;
    private int _rejected;
    private int _skipped;

    public int Received => _received;

    public void Skipped()
    {
        _received++;
        _skipped++;
    }

    public void Rejected(string rule)
    {
        _received++;
        _rejected++;
        _failures[rule] = _failures.GetValueOrDefault(rule) + 1;
    }

    /// <summary>A record counted by <see cref="Valid"/> that then found no patient: it becomes a rejection.</summary>
    public void Unlinked()
    {
        _rejected++;
        _failures[Validation.ValidationRules.Unlinked] = _failures.GetValueOrDefault(Validation.ValidationRules.Unlinked) + 1;
    }

    /// <summary>A record that passed validation; its completeness is counted whether or not it turns out a duplicate.</summary>
    public void Valid(IClinicalFact fact)
    {
        _received++;
        switch (fact)
        {
            case PatientFact p:
                Count("patient");
                var d = p.Demographics;
                Field("patient.identifier", d.Identifiers.Count > 0);
                Field("patient.familyName", !string.IsNullOrWhiteSpace(d.FamilyName));
                Field("patient.givenNames", d.GivenNames.Count > 0);
                Field("patient.birthDate", d.BirthDate is not null);
                Field("patient.sex", d.Sex != AdministrativeSex.Unknown);
                Field("patient.addressLine", !string.IsNullOrWhiteSpace(d.AddressLine));
                Field("patient.postalCode", !string.IsNullOrWhiteSpace(d.PostalCode));
                Field("patient.phone", !string.IsNullOrWhiteSpace(d.Phone));
                break;
            case ObservationFact o:
                Count("observation");
                Field("observation.value", o.Value is not null || o.ValueCode is not null || o.ValueText is not null);
                Field("observation.unit", o.Value is null || o.Unit is not null);
                Field("observation.effectiveAt", o.EffectiveAt is not null);
                break;
            case EventFact e:
                Count("event");
                Field("event.startAt", e.StartAt is not null);
                Field("event.display", e.Code.Display is not null);
                break;
        }
    }

    public void Touched(string patientId) => _patients.Add(patientId);

    public IngestTally Build(int accepted, int duplicates, DateTimeOffset at) =>
        new(_received, accepted, duplicates, _rejected, _skipped,
            new Dictionary<string, int>(_failures), new Dictionary<string, int>(_kinds), new Dictionary<string, int>(_present),
            [.. _patients], at);

    private void Count(string kind) => _kinds[kind] = _kinds.GetValueOrDefault(kind) + 1;

    private void Field(string key, bool present)
    {
        // Every field key appears once its kind has been seen, so a field never present shows 0 %, not nothing.
        _present[key] = _present.GetValueOrDefault(key) + (present ? 1 : 0);
    }
}
