using OrleansHealth.TestSupport;

namespace OrleansHealth.Clinical.Formats.Tests.Support;

/// <summary>The reference data in ../shared/data (see its README for provenance).</summary>
internal static class SharedData
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([RepositoryPaths.SharedData, .. parts]);

    public static string Bundle(string prefix) =>
        Directory.GetFiles(Path("fhir-bundles"), $"{prefix}*.json").Single();

    public static string Ndjson(string resourceType) => Path("fhir-ndjson", $"{resourceType}.000.ndjson");

    public static string Synthea(string file) => Path("synthea-csv", $"{file}.csv");

    public static TheoryData<string> FilesIn(string folder, string pattern)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path(folder), pattern).Order())
        {
            data.Add(System.IO.Path.GetFileName(file));
        }

        return data;
    }
}
