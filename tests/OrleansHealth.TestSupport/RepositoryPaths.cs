using System.Reflection;

namespace OrleansHealth.TestSupport;

/// <summary>Finds the repository and the built silo from a test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string BuildConfiguration { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BuildConfiguration").Value!;

    /// <summary>The silo's own build output, with its runtimeconfig and deps, ready for <c>dotnet OrleansHealth.Silo.dll</c>.</summary>
    public static string SiloAssembly =>
        Path.Combine(Root, "src", "OrleansHealth.Silo", "bin", BuildConfiguration, "net10.0", "OrleansHealth.Silo.dll");

    /// <summary>The built <c>ohealth</c> command line (a test project that runs it references its project, unreferenced, so it is built).</summary>
    public static string CliAssembly =>
        Path.Combine(Root, "src", "OrleansHealth.Cli", "bin", BuildConfiguration, "net10.0", "ohealth.dll");

    /// <summary>
    /// The workplace's reference data: <c>OHEALTH_SHARED_DATA</c> when set, else <c>../shared/data</c> beside
    /// the repository, else <c>/work/shared/data</c> (where it lives on the project's machines, so a clone
    /// made elsewhere still finds it).
    /// </summary>
    public static string SharedData { get; } = FindSharedData();

    private static string FindSharedData()
    {
        var configured = Environment.GetEnvironmentVariable("OHEALTH_SHARED_DATA");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        var besideRepository = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));
        return Directory.Exists(besideRepository) || !Directory.Exists("/work/shared/data") ? besideRepository : "/work/shared/data";
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OrleansHealth.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run the tests from inside the OrleansHealth repository.");
    }
}
