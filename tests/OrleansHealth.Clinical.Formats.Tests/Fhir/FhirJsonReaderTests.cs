using System.Text;
using OrleansHealth.Clinical.Formats.Fhir;
using OrleansHealth.Clinical.Formats.Tests.Support;

namespace OrleansHealth.Clinical.Formats.Tests.Fhir;

public sealed class FhirJsonReaderTests
{
    private const string PatientUrn = "urn:uuid:6b4a1d1e-0000-4000-8000-000000000001";

    private static string Bundle(string type, params (string? FullUrl, string Resource)[] entries) =>
        $$"""{"resourceType":"Bundle","type":"{{type}}","entry":[{{string.Join(",", entries.Select(Entry))}}]}""";

    private static string Entry((string? FullUrl, string Resource) entry) =>
        entry.FullUrl is null ? $$"""{"resource":{{entry.Resource}}}""" : $$"""{"fullUrl":"{{entry.FullUrl}}","resource":{{entry.Resource}}}""";

    [Fact]
    public async Task UrnUuidSubject_OfAPatientWithAnId_IsThatId()
    {
        var body = Bundle("transaction", (PatientUrn, Samples.Patient(id: "p-42")), ("urn:uuid:o", Samples.Observation(subject: PatientUrn)));

        var items = await ReaderRun.ReadTextAsync(new FhirJsonReader(), body);

        Assert.Equal([SubjectRef.Local("p-42"), SubjectRef.Local("p-42")], items.OfType<FactRead>().Select(read => read.Subject));
    }

    [Fact]
    public async Task UrnUuidSubject_OfAPatientWithoutId_IsTheUuid()
    {
        var body = Bundle("batch", (PatientUrn, Samples.Patient(id: "")), (null, Samples.Observation(subject: PatientUrn)));

        var items = await ReaderRun.ReadTextAsync(new FhirJsonReader(), body);

        var expected = SubjectRef.Local("6b4a1d1e-0000-4000-8000-000000000001");
        Assert.Equal([expected, expected], items.OfType<FactRead>().Select(read => read.Subject));
        Assert.Equal(PatientUrn, items.Facts<PatientFact>().Single().RecordId);
    }

    [Fact]
    public async Task UrnUuidSubject_NotInTheBundle_IsTheUuid()
    {
        var body = Bundle("collection", (null, Samples.Observation(subject: "urn:uuid:abc-123")));

        var items = await ReaderRun.ReadTextAsync(new FhirJsonReader(), body);

        Assert.Equal(SubjectRef.Local("abc-123"), Assert.IsType<FactRead>(Assert.Single(items)).Subject);
    }

    [Fact]
    public async Task UrnUuidSubject_OfAResourceThatIsNoPatient_IsAMissingSubject()
    {
        var body = Bundle("batch", ("urn:uuid:org", """{"resourceType":"Organization","id":"org"}"""), (null, Samples.Observation(subject: "urn:uuid:org")));

        var items = await ReaderRun.ReadTextAsync(new FhirJsonReader(), body);

        Assert.True(items.OfType<FactRead>().Single().Subject.IsMissing);
    }

    [Fact]
    public async Task BadEntry_IsRejectedAtItsIndex_AndTheOtherEntriesAreRead()
    {
        var bad = Samples.Patient(id: "p2").Replace("1980-02-03", "03/02/1980");
        var body = Bundle("batch", (null, Samples.Patient()), (null, bad), (null, Samples.Observation()));

        var items = await ReaderRun.ReadTextAsync(new FhirJsonReader(), body);

        Assert.Equal([1, 2, 3], items.Select(item => item.Line));
        var rejected = Assert.IsType<RecordRejected>(items[1]);
        Assert.Equal(bad, rejected.Raw);
        Assert.StartsWith("invalid FHIR Patient: string '03/02/1980' is not a correct literal for a date.", rejected.Reason);
        Assert.IsType<PatientFact>(Assert.IsType<FactRead>(items[0]).Fact);
        Assert.IsType<ObservationFact>(Assert.IsType<FactRead>(items[2]).Fact);
    }

    [Fact]
    public async Task EntryWithoutResource_IsRejected()
    {
        const string body = """{"resourceType":"Bundle","type":"history","entry":[{"request":{"method":"DELETE","url":"Patient/1"}},7]}""";

        var items = await ReaderRun.ReadTextAsync(new FhirJsonReader(), body);

        Assert.Equal(
            [
                new RecordRejected(1, "the Bundle entry has no resource object; every entry must carry the resource itself (a DELETE or a search outcome cannot be ingested)", """{"request":{"method":"DELETE","url":"Patient/1"}}"""),
                new RecordRejected(2, "the Bundle entry is not a JSON object", "7"),
            ],
            items);
    }

    [Fact]
    public async Task EntryWithoutIdOrFullUrl_GetsAHashedRecordId()
    {
        var items = await ReaderRun.ReadTextAsync(new FhirJsonReader(), Bundle("batch", (null, Samples.Observation(id: ""))));

        Assert.Matches("^Observation/sha256:[0-9a-f]{64}$", items.Facts<ObservationFact>().Single().RecordId);
    }

    [Fact]
    public async Task SingleResourceBody_IsLineOne()
    {
        var items = await ReaderRun.ReadTextAsync(new FhirJsonReader(), Samples.Condition());

        var read = Assert.IsType<FactRead>(Assert.Single(items));
        Assert.Equal(1, read.Line);
        Assert.Equal("Condition/c1", read.Fact.RecordId);
        Assert.Equal(Samples.Condition(), read.Raw);
    }

    [Fact]
    public async Task SingleInvalidResource_IsRejectedNotRefused()
    {
        var body = Samples.Patient().Replace("female", "banana");

        var items = await ReaderRun.ReadTextAsync(new FhirJsonReader(), body);

        Assert.Equal(1, Assert.IsType<RecordRejected>(Assert.Single(items)).Line);
    }

    [Theory]
    [InlineData("batch")]
    [InlineData("transaction")]
    [InlineData("collection")]
    [InlineData("searchset")]
    [InlineData("history")]
    public async Task SupportedBundleType_IsRead(string type)
    {
        var items = await ReaderRun.ReadTextAsync(new FhirJsonReader(), Bundle(type, (null, Samples.Patient())));

        Assert.IsType<PatientFact>(Assert.IsType<FactRead>(Assert.Single(items)).Fact);
    }

    [Fact]
    public async Task MedicationReference_ToABundleMedication_TakesItsCode()
    {
        var body = Bundle(
            "transaction",
            ("urn:uuid:med-1", Samples.Medication("med-1", "313782")),
            (null, Samples.MedicationRequest("\"medicationReference\":{\"reference\":\"urn:uuid:med-1\"}")),
            (null, Samples.MedicationRequest("\"medicationReference\":{\"reference\":\"Medication/med-1\"}").Replace("\"m1\"", "\"m2\"")));

        var items = await ReaderRun.ReadTextAsync(new FhirJsonReader(), body);

        Assert.Equal(new RecordSkipped(1, "Medication"), items[0]);
        var expectedCode = new ClinicalCode(CodeSystems.RxNorm, "313782", "drug 313782");
        Assert.Equal(
            [
                new EventFact("MedicationRequest/m1", EventKind.Medication, expectedCode, new DateTimeOffset(2021, 6, 7, 8, 9, 10, TimeSpan.Zero), null, "active"),
                new EventFact("MedicationRequest/m2", EventKind.Medication, expectedCode, new DateTimeOffset(2021, 6, 7, 8, 9, 10, TimeSpan.Zero), null, "active"),
            ],
            items.Facts<EventFact>());
    }

    [Fact]
    public async Task MedicationReference_ToAContainedMedication_TakesItsCode()
    {
        var request = Samples.MedicationRequest("\"contained\":[" + Samples.Medication("inline", "197361") + "],\"medicationReference\":{\"reference\":\"#inline\"}");

        var items = await ReaderRun.ReadTextAsync(new FhirJsonReader(), request);

        Assert.Equal(new ClinicalCode(CodeSystems.RxNorm, "197361", "drug 197361"), items.Facts<EventFact>().Single().Code);
    }

    public static TheoryData<string, string> RefusedBodies => new()
    {
        { "", "The body is empty; send one FHIR resource or a Bundle as JSON." },
        { "  \n", "The body is empty; send one FHIR resource or a Bundle as JSON." },
        { "[]", "The body must be a JSON object: one FHIR resource or a Bundle." },
        { """{"id":"1"}""", "The body has no resourceType; send one FHIR resource or a Bundle." },
        { """{"resourceType":"Bundle","entry":[]}""", "Bundle.type is missing; send a batch, transaction, collection, searchset or history Bundle." },
        { """{"resourceType":"Bundle","type":"document","entry":[]}""", "Bundle type 'document' is not supported; send a batch, transaction, collection, searchset or history Bundle." },
        { """{"resourceType":"Bundle","type":"batch","entry":{}}""", "Bundle.entry must be an array of entries." },
    };

    [Theory]
    [MemberData(nameof(RefusedBodies))]
    public async Task MalformedBody_IsRefused_WithWhatToFix(string body, string message)
    {
        var error = await Assert.ThrowsAsync<InputFormatException>(() => ReaderRun.ReadTextAsync(new FhirJsonReader(), body));

        Assert.Equal(message, error.Message);
        Assert.False(error.TooLarge);
    }

    [Fact]
    public async Task BodyThatIsNotJson_IsRefused()
    {
        var error = await Assert.ThrowsAsync<InputFormatException>(() => ReaderRun.ReadTextAsync(new FhirJsonReader(), "Patient,Doe,Jane"));

        Assert.StartsWith("The body is not valid JSON (", error.Message);
        Assert.EndsWith("); send one FHIR resource or a Bundle as JSON.", error.Message);
        Assert.False(error.TooLarge);
    }

    [Fact]
    public async Task BundleWithTooManyEntries_IsRefusedAsTooLarge()
    {
        var body = Bundle("batch", (null, Samples.Patient()), (null, Samples.Patient()), (null, Samples.Patient()));

        var error = await Assert.ThrowsAsync<InputFormatException>(() => ReaderRun.ReadTextAsync(new FhirJsonReader(new IngestLimits { MaxBundleEntries = 2 }), body));

        Assert.True(error.TooLarge);
        Assert.Equal("The Bundle has 3 entries, more than the limit of 2 (MaxBundleEntries); split it into smaller Bundles or send NDJSON.", error.Message);
    }

    [Fact]
    public async Task BodyLargerThanTheLimit_IsRefusedAsTooLarge_WithoutReadingItAll()
    {
        var limits = new IngestLimits { MaxJsonBodyBytes = 256 * 1024 };
        var endless = new GeneratedStream("""{"resourceType":"Bundle","type":"batch","entry":["""u8.ToArray(), Encoding.UTF8.GetBytes("{\"resource\":" + Samples.Patient() + "},"));

        var error = await Assert.ThrowsAsync<InputFormatException>(() => ReaderRun.ReadAllAsync(new FhirJsonReader(limits), endless));

        Assert.True(error.TooLarge);
        Assert.Equal("The body is larger than 262144 bytes (MaxJsonBodyBytes); split the Bundle into smaller ones or send the resources as NDJSON.", error.Message);
        Assert.InRange(endless.BytesRead, limits.MaxJsonBodyBytes + 1, 2 * limits.MaxJsonBodyBytes);
    }

    [Fact]
    public async Task SeekableBodyLargerThanTheLimit_IsRefusedBeforeReading()
    {
        var body = new MemoryStream(Encoding.UTF8.GetBytes(Bundle("batch", (null, Samples.Patient()))));

        var error = await Assert.ThrowsAsync<InputFormatException>(() => ReaderRun.ReadAllAsync(new FhirJsonReader(new IngestLimits { MaxJsonBodyBytes = 10 }), body));

        Assert.True(error.TooLarge);
        Assert.Equal(0, body.Position);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BodyWithByteOrderMark_IsRead(bool bundle)
    {
        var json = bundle ? Bundle("batch", (null, Samples.Patient())) : Samples.Patient();

        var items = await ReaderRun.ReadAllAsync(new FhirJsonReader(), new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(json)]));

        Assert.IsType<PatientFact>(Assert.IsType<FactRead>(Assert.Single(items)).Fact);
    }
}
