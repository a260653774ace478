using OrleansHealth.Clinical.Formats.Csv;
using OrleansHealth.Clinical.Formats.Tests.Support;

namespace OrleansHealth.Clinical.Formats.Tests.Csv;

public sealed class TabularCsvReaderTests
{
    private static readonly string System = CodeSystems.Tabular("pima");

    [Fact]
    public async Task PimaDiabetes_YieldsAPatientAndNineObservationsPerRow()
    {
        var items = await ReaderRun.ReadFileAsync(new TabularCsvReader("pima"), SharedData.Path("ml", "pima_diabetes.csv"));

        Assert.Empty(items.Rejections());
        Assert.Equal(768, items.Facts<PatientFact>().Count);
        Assert.Equal(768 * 9, items.Facts<ObservationFact>().Count);
        var first = items.Take(10).Cast<FactRead>().ToList();
        Assert.All(first, read => Assert.Equal(SubjectRef.Local("row-1"), read.Subject));
        Assert.All(first, read => Assert.Equal(2, read.Line));
        Assert.Equal("row/row-1", first[0].Fact.RecordId);
        Assert.Equal(new ObservationFact("row/row-1#Glucose", new ClinicalCode(System, "Glucose"), 148, null, null, null, null), first[2].Fact);
        Assert.Equal(new ObservationFact("row/row-1#DiabetesPedigreeFunction", new ClinicalCode(System, "DiabetesPedigreeFunction"), 0.627, null, null, null, null), first[7].Fact);
        Assert.Equal("6,148,72,35,0,33.6,0.627,50,1", first[0].Raw);
        Assert.Equal(268, items.Facts<ObservationFact>().Count(o => o.Code.Code == "Outcome" && o.Value == 1));
    }

    [Fact]
    public async Task BreastCancer_ScikitLearnHeader_NamesFeaturesAndTarget()
    {
        var items = await ReaderRun.ReadFileAsync(new TabularCsvReader("bc"), SharedData.Path("ml", "breast_cancer.csv"));

        Assert.Empty(items.Rejections());
        Assert.Equal(569, items.Facts<PatientFact>().Count);
        var observations = items.Facts<ObservationFact>();
        Assert.Equal(569 * 31, observations.Count);
        Assert.Equal([.. Enumerable.Range(0, 30).Select(i => $"feature_{i}"), "target"], observations.Take(31).Select(o => o.Code.Code));
        Assert.Equal(new ObservationFact("row/row-1#feature_0", new ClinicalCode(CodeSystems.Tabular("bc"), "feature_0"), 17.99, null, null, null, null), observations[0]);
        Assert.Equal(0, observations[30].Value);
        Assert.Equal(357, observations.Count(o => o.Code.Code == "target" && o.Value == 1));
    }

    [Fact]
    public async Task IdColumn_NamesThePatients_AndIsNoObservation()
    {
        var items = await ReaderRun.ReadTextAsync(new TabularCsvReader("pima", "MRN"), "mrn,Glucose,Note\nA-1,148,\nA-2,,fasting");

        Assert.Equal(
            ["row/A-1", "row/A-1#Glucose", "row/A-2", "row/A-2#Note"],
            items.OfType<FactRead>().Select(read => read.Fact.RecordId));
        Assert.Equal(
            [SubjectRef.Local("A-1"), SubjectRef.Local("A-1"), SubjectRef.Local("A-2"), SubjectRef.Local("A-2")],
            items.OfType<FactRead>().Select(read => read.Subject));
        Assert.Equal("fasting", items.Facts<ObservationFact>()[1].ValueText);
        Assert.Equal(new Demographics([], null, [], null, AdministrativeSex.Unknown, null, null, null, null, null, null), items.Facts<PatientFact>()[0].Demographics);
    }

    [Fact]
    public async Task EmptyId_IsRejected()
    {
        var items = await ReaderRun.ReadTextAsync(new TabularCsvReader("pima", "MRN"), "MRN,Glucose\n,148\nA-2,90");

        Assert.Equal(new RecordRejected(2, "the id column 'MRN' is empty", ",148"), items[0]);
        Assert.Equal(2, items.OfType<FactRead>().Count());
    }

    [Fact]
    public async Task UnknownIdColumn_IsRefused_NamingTheColumns()
    {
        var error = await Assert.ThrowsAsync<InputFormatException>(() => ReaderRun.ReadTextAsync(new TabularCsvReader("pima", "PatientId"), "Glucose,Age\n148,50"));

        Assert.Equal("The id column 'PatientId' is not in the CSV; its columns are Glucose, Age.", error.Message);
        Assert.False(error.TooLarge);
    }

    [Fact]
    public async Task EmptyBody_IsRefused()
    {
        var error = await Assert.ThrowsAsync<InputFormatException>(() => ReaderRun.ReadTextAsync(new TabularCsvReader("pima"), ""));

        Assert.Equal("The body is empty; a tabular CSV starts with a header row naming its columns, then one row per patient.", error.Message);
    }

    [Fact]
    public async Task HeaderOnly_YieldsNothing()
    {
        Assert.Empty(await ReaderRun.ReadTextAsync(new TabularCsvReader("pima"), "Glucose,Age\n"));
    }

    [Fact]
    public async Task NumericLookingHeader_WithoutTheScikitLearnShape_KeepsItsNames()
    {
        var items = await ReaderRun.ReadTextAsync(new TabularCsvReader("x"), "2020,2021\n5,6");

        Assert.Equal(["2020", "2021"], items.Facts<ObservationFact>().Select(o => o.Code.Code));
    }

    [Fact]
    public void TabularFormatName_CreatesTheTabularReader()
    {
        Assert.True(CsvFormats.TryCreateReader("tabular", "pima", "Age", null, out var reader));

        Assert.IsType<TabularCsvReader>(reader);
    }
}
