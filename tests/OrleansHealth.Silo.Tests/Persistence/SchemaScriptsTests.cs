using OrleansHealth.Silo.Persistence;

namespace OrleansHealth.Silo.Tests.Persistence;

public sealed class SchemaScriptsTests
{
    [Fact]
    public void Load_GivesTheDeploySqlFilesInNameOrder()
    {
        var onDisk = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "deploy", "sql"), "*.sql")
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.NotEmpty(onDisk);
        Assert.Equal(onDisk, SchemaScripts.Load().Select(s => s.Name).ToArray());
    }

    [Fact]
    public void Scripts_DefineEveryQueryKeyTheProvidersAskFor()
    {
        var sql = string.Join('\n', SchemaScripts.Load().Select(s => s.Text));

        var missing = OrleansQueryKeys.All.Where(key => !sql.Contains($"'{key}'", StringComparison.Ordinal)).ToList();

        Assert.Empty(missing);
    }
}
