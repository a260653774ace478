using System.Security.Cryptography;
using System.Text;
using OrleansHealth.Clinical.Formats.Fhir;
using OrleansHealth.Clinical.Formats.Tests.Support;

namespace OrleansHealth.Clinical.Formats.Tests.Fhir;

public sealed class FhirNdjsonReaderTests
{
    [Fact]
    public async Task Lines_BlankOrCrlf_AreIgnoredAndCountedAsPhysicalLines()
    {
        var body = "\n" + Samples.Observation() + "\r\n\r\n   \n" + Samples.Patient() + "\n";

        var items = await ReaderRun.ReadTextAsync(new FhirNdjsonReader(), body);

        Assert.Equal([2, 5], items.Select(item => item.Line));
        Assert.Equal(Samples.Observation(), ((FactRead)items[0]).Raw);
    }

    [Fact]
    public async Task Body_StartingWithByteOrderMark_ReadsTheFirstLine()
    {
        var items = await ReaderRun.ReadTextAsync(new FhirNdjsonReader(), "\uFEFF" + Samples.Patient());

        Assert.IsType<PatientFact>(Assert.IsType<FactRead>(Assert.Single(items)).Fact);
    }

    [Fact]
    public async Task LastLine_WithoutNewline_IsRead()
    {
        var items = await ReaderRun.ReadTextAsync(new FhirNdjsonReader(), Samples.Patient() + "\n" + Samples.Observation());

        Assert.Equal([1, 2], items.Select(item => item.Line));
    }

    [Fact]
    public async Task BrokenLine_IsRejectedWithItsText_AndTheOthersAreRead()
    {
        const string broken = """{"resourceType":"Patient","id":"p2",""";
        var body = string.Join('\n', Samples.Patient(), broken, Samples.Observation());

        var items = await ReaderRun.ReadTextAsync(new FhirNdjsonReader(), body);

        Assert.Equal(3, items.Count);
        var rejected = Assert.IsType<RecordRejected>(items[1]);
        Assert.Equal(2, rejected.Line);
        Assert.Equal(broken, rejected.Raw);
        Assert.StartsWith("not valid JSON: ", rejected.Reason);
        Assert.IsType<FactRead>(items[0]);
        Assert.IsType<FactRead>(items[2]);
    }

    public static TheoryData<string, string> RejectedLines => new()
    {
        { "[1,2]", "a FHIR resource must be a JSON object" },
        { """{"id":"x"}""", "the resource has no resourceType; every record must be one FHIR resource" },
        { """{"resourceType":42}""", "resourceType must be a non-empty string" },
        { """{"resourceType":"Foo","id":"1"}""", "'Foo' is not a FHIR R4 resource type" },
        { """{"resourceType":"Claim","id":"1",}""", "not valid JSON: " },
        { Samples.Patient() + Samples.Patient(), "not valid JSON: '{' is invalid after a single JSON value." },
        { Samples.Patient(extra: ""","deceasedBoolean":false""").Replace("1980-02-03", "not-a-date"), "invalid FHIR Patient: string 'not-a-date' is not a correct literal for a date." },
        { Samples.Patient(extra: ""","favouriteColour":"blue" """), "invalid FHIR Patient: Found unknown element 'favouriteColour'." },
        { Samples.Patient().Replace("female", "banana"), "invalid FHIR Patient: Value 'banana' is not a correct code for valueset 'AdministrativeGender'." },
        { Samples.Observation().Replace("\"status\":\"final\",", ""), "invalid FHIR Observation: Element '$this.status' with minimum cardinality 1 must be present." },
        { Samples.Observation().Replace("120.5", "\"abc\""), "invalid FHIR Observation: string 'abc' is not the right type of literal for a decimal." },
        { Samples.Observation().Replace("2020-01-02T03:04:05Z", "2020-13-45"), "invalid FHIR Observation: string '2020-13-45' is not a correct literal for a dateTime." },
        { Samples.Observation().Replace(Samples.Loinc, "").Replace("\"coding\":[]", "\"text\":\"height\""), "Observation.code has no coding with a code; send the concept as a coding (system and code)" },
        { Samples.MedicationRequest("\"medicationReference\":{\"reference\":\"Medication/x\"}"), "MedicationRequest.medicationReference 'Medication/x' does not resolve to a Medication contained in the resource or in the same Bundle; send medicationCodeableConcept or include the Medication" },
    };

    [Theory]
    [MemberData(nameof(RejectedLines))]
    public async Task MalformedLine_IsRejected_WithAReasonThatSaysWhatIsWrong(string line, string reason)
    {
        var items = await ReaderRun.ReadTextAsync(new FhirNdjsonReader(), line);

        var rejected = Assert.IsType<RecordRejected>(Assert.Single(items));
        Assert.StartsWith(reason, rejected.Reason);
        Assert.Equal(line, rejected.Raw);
        Assert.Equal(1, rejected.Line);
    }

    [Fact]
    public async Task ResourceTypeTheProfileDoesNotHold_IsSkipped()
    {
        var items = await ReaderRun.ReadTextAsync(new FhirNdjsonReader(), """{"resourceType":"Claim","id":"1","status":"active"}""" + "\n" + """{"resourceType":"Provenance"}""");

        Assert.Equal([new RecordSkipped(1, "Claim"), new RecordSkipped(2, "Provenance")], items);
    }

    [Theory]
    [InlineData("Patient/p7", "p7")]
    [InlineData("https://ehr.example.org/fhir/Patient/p7", "p7")]
    [InlineData("https://ehr.example.org/fhir/Patient/p7/_history/3", "p7")]
    public async Task LiteralPatientReference_IsTheLocalId(string reference, string localId)
    {
        var items = await ReaderRun.ReadTextAsync(new FhirNdjsonReader(), Samples.Observation(subject: reference));

        Assert.Equal(SubjectRef.Local(localId), Assert.IsType<FactRead>(Assert.Single(items)).Subject);
    }

    [Fact]
    public async Task ConditionalPatientReference_IsKeptAsAnIdentifier()
    {
        var line = Samples.Observation(subject: "Patient?identifier=http://hospital.example.org/mrn|MRN%2042");

        var items = await ReaderRun.ReadTextAsync(new FhirNdjsonReader(), line);

        var read = Assert.IsType<FactRead>(Assert.Single(items));
        Assert.Equal(new SubjectRef(null, new PatientIdentifier("http://hospital.example.org/mrn", "MRN 42")), read.Subject);
    }

    [Fact]
    public async Task ReferenceByIdentifierOnly_IsKeptAsAnIdentifier()
    {
        var line = Samples.Observation().Replace("""{"reference":"Patient/p1"}""", """{"identifier":{"system":"http://hl7.org/fhir/sid/us-ssn","value":"999-01-0001"}}""");

        var items = await ReaderRun.ReadTextAsync(new FhirNdjsonReader(), line);

        Assert.Equal(new SubjectRef(null, new PatientIdentifier(CodeSystems.Ssn, "999-01-0001")), Assert.IsType<FactRead>(Assert.Single(items)).Subject);
    }

    [Fact]
    public async Task SubjectThatIsNoPatient_IsAMissingSubject()
    {
        var items = await ReaderRun.ReadTextAsync(new FhirNdjsonReader(), Samples.Observation(subject: "Group/g1"));

        Assert.True(Assert.IsType<FactRead>(Assert.Single(items)).Subject.IsMissing);
    }

    [Fact]
    public async Task ResourcesWithoutSubject_AreReadWithAMissingSubject_EvenWhereR4RequiresOne()
    {
        var body = Samples.ObservationWithoutSubject() + "\n" + Samples.Condition(subject: "");

        var items = await ReaderRun.ReadTextAsync(new FhirNdjsonReader(), body);

        Assert.Equal(2, items.Count);
        Assert.All(items, item => Assert.True(Assert.IsType<FactRead>(item).Subject.IsMissing));
        Assert.Equal(EventKind.Condition, Assert.IsType<EventFact>(((FactRead)items[1]).Fact).Kind);
    }

    [Fact]
    public async Task ResourceWithoutId_GetsAStableHashOfItsText()
    {
        var line = Samples.Observation(id: "");
        var expected = "Observation/sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(line)));

        var first = await ReaderRun.ReadTextAsync(new FhirNdjsonReader(), line);
        var again = await ReaderRun.ReadTextAsync(new FhirNdjsonReader(), "\n" + line + "\n");

        Assert.Equal(expected, first.Facts<ObservationFact>().Single().RecordId);
        Assert.Equal(expected, again.Facts<ObservationFact>().Single().RecordId);
    }

    [Fact]
    public async Task OverLongLine_StopsReading_AfterYieldingTheLinesBeforeIt()
    {
        var limits = new IngestLimits { MaxLineLength = 300 };
        var body = Samples.Patient() + "\n" + Samples.Patient(extra: $",\"active\":true,\"language\":\"{new string('x', 300)}\"") + "\n" + Samples.Patient();
        var seen = new List<ReadItem>();

        var error = await Assert.ThrowsAsync<InputFormatException>(async () =>
        {
            await foreach (var item in new FhirNdjsonReader(limits).ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(body))))
            {
                seen.Add(item);
            }
        });

        Assert.True(error.TooLarge);
        Assert.Equal(2, error.Line);
        Assert.Equal("Line 2 is longer than 300 characters (MaxLineLength); each NDJSON line must hold one resource within that limit.", error.Message);
        Assert.Equal([1], seen.Select(item => item.Line));
    }

    [Fact]
    public async Task LineLimit_CountsCharactersNotBytes()
    {
        var limits = new IngestLimits { MaxLineLength = 100 };
        const string prefix = """{"resourceType":"Basic","note":" """;
        var fits = prefix + new string('é', 100 - prefix.Length - 2) + "\"}";
        var tooLong = prefix + new string('é', 100 - prefix.Length - 1) + "\"}";

        var items = await ReaderRun.ReadTextAsync(new FhirNdjsonReader(limits), fits);
        var error = await Assert.ThrowsAsync<InputFormatException>(() => ReaderRun.ReadTextAsync(new FhirNdjsonReader(limits), tooLong));

        Assert.Equal(100, fits.Length);
        Assert.True(Encoding.UTF8.GetByteCount(fits) > 100);
        Assert.Equal([new RecordSkipped(1, "Basic")], items);
        Assert.True(error.TooLarge);
    }

    [Fact]
    public async Task EndlessLine_IsRefused_AfterReadingLittleMoreThanTheLimit()
    {
        var limits = new IngestLimits { MaxLineLength = 1024 * 1024 };
        var body = new GeneratedStream(Encoding.UTF8.GetBytes("""{"resourceType":"Patient","id":" """), "a"u8.ToArray());

        var error = await Assert.ThrowsAsync<InputFormatException>(() => ReaderRun.ReadAllAsync(new FhirNdjsonReader(limits), body));

        Assert.True(error.TooLarge);
        Assert.Equal(1, error.Line);
        Assert.InRange(body.BytesRead, limits.MaxLineLength, limits.MaxLineLength + 128 * 1024);
    }

    [Fact]
    public async Task EndlessBody_YieldsItsFirstRecords_WithoutBeingReadToTheEnd()
    {
        var body = new GeneratedStream([], Encoding.UTF8.GetBytes(Samples.Observation() + "\n"));
        var first = new List<ReadItem>();

        await foreach (var item in new FhirNdjsonReader().ReadAsync(body))
        {
            first.Add(item);
            if (first.Count == 3)
            {
                break;
            }
        }

        Assert.Equal([1, 2, 3], first.Select(item => item.Line));
        Assert.All(first, item => Assert.IsType<ObservationFact>(Assert.IsType<FactRead>(item).Fact));
        // Parsing runs a few batches of 256 lines ahead of the consumer, and no further.
        Assert.InRange(body.BytesRead, 1, 1024 * 1024);
    }
}
