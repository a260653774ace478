namespace OrleansHealth.Clinical.Tests;

/// <summary>Small builders for facts, so each test states only what it is about.</summary>
internal static class Facts
{
    public static ClinicalCode Loinc(string code, string? display = null) => new(CodeSystems.Loinc, code, display);

    public static ObservationFact Observation(string code, double? value, string? unit, string recordId = "Observation/1",
        DateTimeOffset? at = null) =>
        new(recordId, Loinc(code), value, unit, null, null, at ?? new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero));

    public static Demographics Person(string? family = "Smith", string? given = "John", DateOnly? birth = null,
        string? phone = null, string? postal = null, params PatientIdentifier[] identifiers) =>
        new(identifiers, family, given is null ? [] : [given], birth ?? new DateOnly(1970, 3, 4), AdministrativeSex.Male,
            null, null, null, postal, phone, null);

    public static PatientFact Patient(Demographics demographics, string recordId = "Patient/1", DateTimeOffset? assertedAt = null) =>
        new(recordId, demographics, assertedAt);

    public static EventFact Condition(string code, string recordId = "Condition/1") =>
        new(recordId, EventKind.Condition, new ClinicalCode(CodeSystems.Snomed, code, "a condition"),
            new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), null, "active");
}
