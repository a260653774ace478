namespace OrleansHealth.Clinical.Formats.Tests.Fhir;

/// <summary>Small valid FHIR R4 resources, one line each, for tests that vary one element at a time.</summary>
internal static class Samples
{
    public const string Loinc = """{"system":"http://loinc.org","code":"8302-2","display":"Body Height"}""";

    public static string Observation(string id = "o1", string subject = "Patient/p1", string extra = ""","effectiveDateTime":"2020-01-02T03:04:05Z","valueQuantity":{"value":120.5,"unit":"cm","system":"http://unitsofmeasure.org","code":"cm"}""") =>
        $$"""{"resourceType":"Observation"{{Id(id)}},"status":"final","code":{"coding":[{{Loinc}}]},"subject":{"reference":"{{subject}}"}{{extra}}}""";

    public static string ObservationWithoutSubject() =>
        $$"""{"resourceType":"Observation","id":"o9","status":"final","code":{"coding":[{{Loinc}}]},"valueString":"tall"}""";

    public static string Patient(string id = "p1", string extra = "") =>
        $$"""{"resourceType":"Patient"{{Id(id)}},"name":[{"family":"Doe","given":["Jane"]}],"gender":"female","birthDate":"1980-02-03"{{extra}}}""";

    public static string Condition(string subject = ",\"subject\":{\"reference\":\"Patient/p1\"}") =>
        $$"""{"resourceType":"Condition","id":"c1","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"resolved"}]},"code":{"coding":[{"system":"http://snomed.info/sct","code":"444814009","display":"Viral sinusitis"}]}{{subject}},"onsetDateTime":"2019-05-01T10:00:00+02:00","abatementDateTime":"2019-05-20"}""";

    public static string MedicationRequest(string medication) =>
        $$"""{"resourceType":"MedicationRequest","id":"m1","status":"active","intent":"order",{{medication}},"subject":{"reference":"Patient/p1"},"authoredOn":"2021-06-07T08:09:10Z"}""";

    public static string Medication(string id, string code) =>
        $$$"""{"resourceType":"Medication","id":"{{{id}}}","code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"{{{code}}}","display":"drug {{{code}}}"}]}}""";

    private static string Id(string id) => id.Length == 0 ? "" : $",\"id\":\"{id}\"";
}
