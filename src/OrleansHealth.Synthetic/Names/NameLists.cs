using System.Reflection;

namespace OrleansHealth.Synthetic.Names;

/// <summary>The embedded lists the generator draws names, streets and places from; read once per process.</summary>
internal sealed class NameLists
{
    private static readonly Lazy<NameLists> Loaded = new(Load);

    private NameLists(
        IReadOnlyList<string> familyNames,
        IReadOnlyList<string> femaleGivenNames,
        IReadOnlyList<string> maleGivenNames,
        IReadOnlyList<string> streets,
        IReadOnlyList<Place> places,
        IReadOnlyDictionary<string, IReadOnlyList<string>> nicknames)
    {
        FamilyNames = familyNames;
        FemaleGivenNames = femaleGivenNames;
        MaleGivenNames = maleGivenNames;
        Streets = streets;
        Places = places;
        Nicknames = nicknames;
    }

    public static NameLists Instance => Loaded.Value;

    public IReadOnlyList<string> FamilyNames { get; }

    public IReadOnlyList<string> FemaleGivenNames { get; }

    public IReadOnlyList<string> MaleGivenNames { get; }

    public IReadOnlyList<string> Streets { get; }

    public IReadOnlyList<Place> Places { get; }

    /// <summary>Formal given name → its short forms (Robert → Bob, Rob, Bobby).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Nicknames { get; }

    private static NameLists Load()
    {
        var places = ReadLines("cities").Select(ParsePlace).ToArray();
        var nicknames = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var line in ReadLines("nicknames"))
        {
            var parts = line.Split('=', 2);
            nicknames[parts[0]] = parts[1].Split(',');
        }

        return new NameLists(
            ReadLines("family-names"),
            ReadLines("given-names-female"),
            ReadLines("given-names-male"),
            ReadLines("streets"),
            places,
            nicknames);
    }

    private static Place ParsePlace(string line)
    {
        var parts = line.Split(',');
        return new Place(parts[0], parts[1], parts[2], parts[3]);
    }

    private static string[] ReadLines(string name)
    {
        var resource = $"OrleansHealth.Synthetic.Names.{name}.txt";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded list '{resource}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                lines.Add(line);
            }
        }

        return [.. lines];
    }
}
