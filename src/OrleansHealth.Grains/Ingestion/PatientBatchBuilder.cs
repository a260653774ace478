using OrleansHealth.Clinical.Model;
using OrleansHealth.Clinical.Profiles;

namespace OrleansHealth.Grains.Ingestion;

/// <summary>Collects one chunk's facts about one patient into the batch its grain applies in one write.</summary>
internal sealed class PatientBatchBuilder(string patientId, string sourceId, int trustRank, DateTimeOffset receivedAt)
{
    private readonly HashSet<string> _localIds = new(StringComparer.Ordinal);
    private readonly List<PatientFact> _patients = [];
    private readonly List<ObservationFact> _observations = [];
    private readonly List<EventFact> _events = [];

    public string PatientId { get; } = patientId;

    public void Add(string? localId, IClinicalFact fact)
    {
        if (localId is not null)
        {
            _localIds.Add(localId);
        }

        switch (fact)
        {
            case PatientFact p:
                _patients.Add(p);
                break;
            case ObservationFact o:
                _observations.Add(o);
                break;
            case EventFact e:
                _events.Add(e);
                break;
            default:
                throw new ArgumentException($"unsupported fact type {fact.GetType().Name}", nameof(fact));
        }
    }

    public PatientBatch Build() =>
        new(sourceId, trustRank, receivedAt, [.. _localIds.Order(StringComparer.Ordinal)], _patients, _observations, _events);
}
