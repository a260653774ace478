using System.Text;
using OrleansHealth.Clinical.Formats.Csv;
using OrleansHealth.Clinical.Formats.Tests.Support;

namespace OrleansHealth.Clinical.Formats.Tests.Csv;

public sealed class SyntheaCsvReaderTests
{
    private const string ObservationsHeader = "DATE,PATIENT,ENCOUNTER,CODE,DESCRIPTION,VALUE,UNITS,TYPE";

    private static Task<List<ReadItem>> ReadObservationsAsync(params string[] rows) =>
        ReaderRun.ReadTextAsync(new SyntheaCsvReader(SyntheaCsvKind.Observations), string.Join('\n', [ObservationsHeader, .. rows]));

    [Fact]
    public async Task MissingRequiredColumns_RefuseTheBody_NamingThem()
    {
        var error = await Assert.ThrowsAsync<InputFormatException>(
            () => ReaderRun.ReadTextAsync(new SyntheaCsvReader(SyntheaCsvKind.Observations), "PATIENT,DESCRIPTION,UNITS\np1,x,cm"));

        Assert.Equal("The synthea-observations CSV is missing the required column(s) DATE, CODE, VALUE; its header has PATIENT, DESCRIPTION, UNITS.", error.Message);
        Assert.Equal(1, error.Line);
        Assert.False(error.TooLarge);
    }

    [Fact]
    public async Task EmptyBody_IsRefused()
    {
        var error = await Assert.ThrowsAsync<InputFormatException>(() => ReaderRun.ReadTextAsync(new SyntheaCsvReader(SyntheaCsvKind.Conditions), ""));

        Assert.Equal("The body is empty; a synthea-conditions CSV starts with its header row (START,PATIENT,CODE, …).", error.Message);
    }

    [Fact]
    public async Task Columns_AreMatchedByNameInAnyOrderAndCase()
    {
        var reordered = await ReaderRun.ReadTextAsync(
            new SyntheaCsvReader(SyntheaCsvKind.Observations),
            "type,units,value,Code,patient,date,Extra\nnumeric,kg,70.5,29463-7,p1,2020-01-02T03:04:05Z,ignored");
        var canonical = await ReadObservationsAsync("2020-01-02T03:04:05Z,p1,,29463-7,,70.5,kg,numeric");

        var fact = reordered.Facts<ObservationFact>().Single();
        Assert.Equal(new ObservationFact(fact.RecordId, new ClinicalCode(CodeSystems.Loinc, "29463-7"), 70.5, "kg", null, null, new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero)), fact);
        Assert.Equal(canonical.Facts<ObservationFact>().Single(), fact);
    }

    [Fact]
    public async Task SameRowSentAgain_HasTheSameRecordId_AndADifferentRowADifferentOne()
    {
        const string row = "2020-01-02,p1,e1,8302-2,Body Height,127.9,cm,numeric";

        var first = await ReadObservationsAsync(row);
        var quoted = await ReadObservationsAsync("\"2020-01-02\",p1,e1,\"8302-2\",\"Body Height\",127.9,cm,numeric");
        var other = await ReadObservationsAsync(row.Replace("127.9", "128.0"));

        var id = first.Facts<ObservationFact>().Single().RecordId;
        Assert.StartsWith("synthea-observations/sha256:", id);
        Assert.Equal(id, quoted.Facts<ObservationFact>().Single().RecordId);
        Assert.NotEqual(id, other.Facts<ObservationFact>().Single().RecordId);
    }

    [Fact]
    public async Task TextValue_IsValueText_AndUntypedValue_IsNumericWhenItParses()
    {
        var items = await ReadObservationsAsync(
            "2020-01-02,p1,,72166-2,Tobacco smoking status,Never smoker,,text",
            "2020-01-02,p1,,8302-2,Body Height,42,cm,",
            "2020-01-02,p1,,1234-5,Note,see chart,,");

        Assert.Equal(
            [((double?)null, "Never smoker"), (42, null), (null, "see chart")],
            items.Facts<ObservationFact>().Select(o => (o.Value, o.ValueText)));
    }

    [Fact]
    public async Task RowWithoutPatient_IsReadWithAMissingSubject()
    {
        var items = await ReadObservationsAsync("2020-01-02,,,8302-2,Body Height,127.9,cm,numeric");

        Assert.True(Assert.IsType<FactRead>(Assert.Single(items)).Subject.IsMissing);
    }

    public static TheoryData<string, string> RejectedRows => new()
    {
        { "02/01/2020,p1,,8302-2,Body Height,127.9,cm,numeric", "DATE '02/01/2020' is not an ISO 8601 date or date-time (yyyy-MM-dd or yyyy-MM-ddTHH:mm:ssZ)" },
        { ",p1,,8302-2,Body Height,127.9,cm,numeric", "DATE is empty" },
        { "2020-01-02,p1,,8302-2,Body Height,tall,cm,numeric", "VALUE 'tall' is not a number, but TYPE is numeric" },
        { "2020-01-02,p1,,,Body Height,127.9,cm,numeric", "CODE is empty; every observation needs its LOINC code" },
    };

    [Theory]
    [MemberData(nameof(RejectedRows))]
    public async Task UnreadableRow_IsRejected_WithItsReasonAndText(string row, string reason)
    {
        var items = await ReadObservationsAsync("2020-01-02,p1,,8302-2,Body Height,1,cm,numeric", row);

        Assert.Equal(new RecordRejected(3, reason, row), items[1]);
    }

    [Fact]
    public async Task PatientRows_WithBadDatesOrNoId_AreRejected()
    {
        const string body = "Id,BIRTHDATE,DEATHDATE,FIRST,LAST,GENDER\n,2000-01-01,,A,B,F\np2,2000-31-01,,A,B,F\np3,2000-01-01,yesterday,A,B,M\np4,2000-01-01,2020-02-03,A,B,M";

        var items = await ReaderRun.ReadTextAsync(new SyntheaCsvReader(SyntheaCsvKind.Patients), body);

        Assert.Equal(
            [
                "Id is empty; every patient row needs its Synthea Id",
                "BIRTHDATE '2000-31-01' is not an ISO 8601 date (yyyy-MM-dd)",
                "DEATHDATE 'yesterday' is not an ISO 8601 date (yyyy-MM-dd)",
            ],
            items.Rejections().Select(r => r.Reason));
        Assert.Equal(new DateOnly(2020, 2, 3), items.Facts<PatientFact>().Single().Demographics.DeceasedDate);
    }

    [Fact]
    public async Task ConditionAndMedicationRows_RejectABadStop_AndDeriveStatusFromIt()
    {
        var conditions = await ReaderRun.ReadTextAsync(
            new SyntheaCsvReader(SyntheaCsvKind.Conditions),
            "START,STOP,PATIENT,CODE\n2020-01-01,,p1,1\n2020-01-01,2020-02-01,p1,2\n2020-01-01,soon,p1,3");
        var medications = await ReaderRun.ReadTextAsync(
            new SyntheaCsvReader(SyntheaCsvKind.Medications),
            "START,STOP,PATIENT,CODE\n2020-01-01T00:00:00Z,2020-02-01T00:00:00Z,p1,313782");

        Assert.Equal(["active", "resolved"], conditions.Facts<EventFact>().Select(e => e.Status));
        Assert.Equal(new RecordRejected(4, "STOP 'soon' is not an ISO 8601 date or date-time (yyyy-MM-dd or yyyy-MM-ddTHH:mm:ssZ)", "2020-01-01,soon,p1,3"), conditions[2]);
        Assert.Equal("stopped", medications.Facts<EventFact>().Single().Status);
    }

    [Fact]
    public async Task EncounterRow_WithoutId_GetsAHashedRecordId()
    {
        var items = await ReaderRun.ReadTextAsync(new SyntheaCsvReader(SyntheaCsvKind.Encounters), "Id,START,PATIENT,CODE\n,2020-01-01,p1,185345009");

        Assert.Matches("^synthea-encounters/sha256:[0-9a-f]{64}$", items.Facts<EventFact>().Single().RecordId);
    }

    [Fact]
    public async Task RowWithAQuotedLineBreak_IsNumberedByTheLineItStartsOn()
    {
        var items = await ReadObservationsAsync(
            "2020-01-02,p1,,1234-5,\"two\nline description\",x,,text",
            "",
            "2020-01-02,p1,,1234-5,Note,y,,text");

        Assert.Equal([2, 5], items.Select(item => item.Line));
        Assert.Equal(new ClinicalCode(CodeSystems.Loinc, "1234-5", "two\nline description"), items.Facts<ObservationFact>()[0].Code);
    }

    [Fact]
    public async Task RowLongerThanTheLimit_RefusesTheBody()
    {
        var limits = new IngestLimits { MaxLineLength = 200, MaxCsvFieldLength = 150 };
        var body = ObservationsHeader + "\n" + "2020-01-02,p1,,1234-5," + new string('d', 190) + ",x,,text";

        var error = await Assert.ThrowsAsync<InputFormatException>(() => ReaderRun.ReadTextAsync(new SyntheaCsvReader(SyntheaCsvKind.Observations, limits), body));

        Assert.True(error.TooLarge);
        Assert.Equal(2, error.Line);
        Assert.Equal("The row at line 2 is longer than 200 characters (MaxLineLength); check for an unclosed quote or split the row.", error.Message);
    }

    [Fact]
    public async Task FieldLongerThanTheLimit_RefusesTheBody()
    {
        var limits = new IngestLimits { MaxLineLength = 1000, MaxCsvFieldLength = 150 };
        var body = ObservationsHeader + "\n2020-01-02,p1,,1234-5,short,x,,text\n" + "2020-01-02,p1,,1234-5," + new string('d', 151) + ",x,,text";

        var error = await Assert.ThrowsAsync<InputFormatException>(() => ReaderRun.ReadTextAsync(new SyntheaCsvReader(SyntheaCsvKind.Observations, limits), body));

        Assert.True(error.TooLarge);
        Assert.Equal(3, error.Line);
        Assert.Equal("Field 5 of the row at line 3 is longer than 150 characters (MaxCsvFieldLength).", error.Message);
    }

    [Fact]
    public async Task UnclosedQuote_IsRefused_AfterReadingLittleMoreThanTheLimit()
    {
        var limits = new IngestLimits { MaxLineLength = 64 * 1024 };
        var body = new GeneratedStream(Encoding.UTF8.GetBytes(ObservationsHeader + "\n2020-01-02,p1,,1234-5,\""), "endless description\n"u8.ToArray());

        var error = await Assert.ThrowsAsync<InputFormatException>(() => ReaderRun.ReadAllAsync(new SyntheaCsvReader(SyntheaCsvKind.Observations, limits), body));

        Assert.True(error.TooLarge);
        // The reader's byte bound is three bytes per character (the most one UTF-16 character takes),
        // and its buffer grows by doubling: a few times the limit, never the endless rest.
        Assert.InRange(body.BytesRead, limits.MaxLineLength, 8L * limits.MaxLineLength);
    }

    [Fact]
    public async Task EndlessBody_YieldsItsFirstRows_WithoutBeingReadToTheEnd()
    {
        var body = new GeneratedStream(Encoding.UTF8.GetBytes(ObservationsHeader + "\n"), "2020-01-02,p1,,8302-2,Body Height,127.9,cm,numeric\n"u8.ToArray());
        var lines = new List<int>();

        await foreach (var item in new SyntheaCsvReader(SyntheaCsvKind.Observations).ReadAsync(body))
        {
            lines.Add(item.Line);
            if (lines.Count == 3)
            {
                break;
            }
        }

        Assert.Equal([2, 3, 4], lines);
        Assert.InRange(body.BytesRead, 1, 1024 * 1024);
    }

    [Theory]
    [InlineData("synthea-patients", SyntheaCsvKind.Patients)]
    [InlineData("SYNTHEA-ENCOUNTERS", SyntheaCsvKind.Encounters)]
    [InlineData("synthea-procedures", SyntheaCsvKind.Procedures)]
    public void FormatName_CreatesTheSyntheaReaderOfItsKind(string format, SyntheaCsvKind kind)
    {
        Assert.True(CsvFormats.TryCreateReader(format, "src", null, null, out var reader));

        Assert.Equal(kind, Assert.IsType<SyntheaCsvReader>(reader).Kind);
    }

    [Fact]
    public void UnknownFormatName_CreatesNoReader()
    {
        Assert.False(CsvFormats.TryCreateReader("synthea-careplans", "src", null, null, out var reader));
        Assert.Null(reader);
    }
}
