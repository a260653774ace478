namespace OrleansHealth.Clinical.Model;

/// <summary>
/// Whom a record is about, as the source says it: its own local patient id (a FHIR Patient.id, a
/// Synthea PATIENT column) or, for a conditional reference such as <c>Patient?identifier=sys|val</c>,
/// an identifier. Identity resolution turns it into an enterprise patient id.
/// </summary>
[GenerateSerializer, Immutable, Alias("oh.SubjectRef")]
public sealed record SubjectRef(
    [property: Id(0)] string? LocalId,
    [property: Id(1)] PatientIdentifier? Identifier = null)
{
    public bool IsMissing => string.IsNullOrEmpty(LocalId) && Identifier is null;

    public static SubjectRef Local(string localId) => new(localId);
}
