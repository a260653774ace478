using OrleansHealth.Clinical.Formats.Csv;
using OrleansHealth.Grains.Tests.Ingestion;
using OrleansHealth.Learning.Features;
using OrleansHealth.Sources;
using OrleansHealth.TestSupport;

namespace OrleansHealth.Grains.Tests.Learning;

/// <summary>The Pima diabetes file ingested through the tabular path, and a model definition over its columns.</summary>
internal static class PimaModel
{
    public static readonly string[] Columns = ["Pregnancies", "Glucose", "BloodPressure", "SkinThickness", "Insulin", "BMI", "DiabetesPedigreeFunction", "Age"];

    /// <summary>In this file a zero in these columns means "not measured".</summary>
    private static readonly HashSet<string> ZeroIsMissing = ["Glucose", "BloodPressure", "SkinThickness", "Insulin", "BMI"];

    public static async Task IngestAsync(IngestHarness ingest, string sourceId)
    {
        var source = await ingest.RegisterAsync(sourceId, format: SourceFormat.Csv);
        var report = await ingest.IngestFileAsync(source, new TabularCsvReader(sourceId), Path.Combine(RepositoryPaths.SharedData, "ml", "pima_diabetes.csv"));
        Assert.Equal(0, report.Rejected);
    }

    public static ModelDefinition Definition(string sourceId, string? outcomeColumn = "Outcome", IReadOnlyList<string>? positive = null) => new(
        [.. Columns.Select(c => new FeatureSpec(c, FeatureKind.Column, c, Source: sourceId, MissingValues: ZeroIsMissing.Contains(c) ? [0.0] : null))],
        new OutcomeSpec(OutcomeKind.Label, outcomeColumn!, Source: sourceId, PositiveValues: positive));
}
