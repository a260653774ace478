namespace OrleansHealth.Clinical.Model;

/// <summary>Code and identifier system URIs the project recognises by name.</summary>
public static class CodeSystems
{
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public const string Cvx = "http://hl7.org/fhir/sid/cvx";
    public const string Ssn = "http://hl7.org/fhir/sid/us-ssn";
    public const string Passport = "http://hl7.org/fhir/sid/passport-USA";
    public const string DriversLicense = "urn:oid:2.16.840.1.113883.4.3.25";
    public const string EncounterClass = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    /// <summary>Columns of a <c>tabular</c> CSV become codes in this system: <c>urn:ohealth:tabular:{sourceId}</c>.</summary>
    public static string Tabular(string sourceId) => $"urn:ohealth:tabular:{sourceId}";

    /// <summary>A source's own patient ids (Synthea's Id column, a FHIR Patient.id) live in this system.</summary>
    public static string SourceLocal(string sourceId) => $"urn:ohealth:source:{sourceId}";
}
