using System.Xml.Linq;

namespace OrleansHealth.Deploy.Tests.Support;

/// <summary>The silo project file and the projects it depends on, read from the csproj files.</summary>
public static class SiloProject
{
    public const string RelativePath = "src/OrleansHealth.Silo/OrleansHealth.Silo.csproj";

    /// <summary>The silo project and its whole ProjectReference closure, as repository-relative paths with '/'.</summary>
    public static IReadOnlySet<string> Closure()
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.Combine(RepositoryPaths.Root, RelativePath)]);
        while (pending.TryPop(out var project))
        {
            if (!result.Add(Relative(project)))
            {
                continue;
            }

            foreach (var include in Items(project, "ProjectReference"))
            {
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include)));
            }
        }

        return result;
    }

    /// <summary>Folders outside src/ whose files the silo project compiles in (its EmbeddedResource items), relative to the repository.</summary>
    public static IReadOnlyList<string> EmbeddedFoldersOutsideSrc()
    {
        var project = Path.Combine(RepositoryPaths.Root, RelativePath);
        return Items(project, "EmbeddedResource")
            .Select(include => Relative(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, Path.GetDirectoryName(include)!))))
            .Where(folder => !folder.StartsWith("src/", StringComparison.Ordinal))
            .Distinct()
            .ToList();
    }

    private static IEnumerable<string> Items(string project, string item) =>
        XDocument.Load(project).Descendants(item)
            .Select(e => (string?)e.Attribute("Include"))
            .OfType<string>()
            .Select(p => p.Replace('\\', Path.DirectorySeparatorChar));

    private static string Relative(string path) => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/');
}
