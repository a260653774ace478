namespace OrleansHealth.Clinical.Model;

/// <summary>
/// One fact from one source record. <see cref="RecordId"/> is stable for the same record, so a
/// re-sent record is recognised as a duplicate (FHIR: <c>Type/id</c>; CSV: the row's id or a hash of the row).
/// </summary>
public interface IClinicalFact
{
    string RecordId { get; }
}
