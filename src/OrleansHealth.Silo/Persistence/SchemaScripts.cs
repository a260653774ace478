namespace OrleansHealth.Silo.Persistence;

/// <summary>The SQL files of <c>deploy/sql/</c>, embedded in this assembly, in the order they apply.</summary>
public static class SchemaScripts
{
    private const string Prefix = "sql/";

    public static IReadOnlyList<(string Name, string Text)> Load()
    {
        var assembly = typeof(SchemaScripts).Assembly;
        return
        [
            .. assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(n => (n[Prefix.Length..], Read(assembly, n))),
        ];
    }

    private static string Read(System.Reflection.Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded schema script {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
