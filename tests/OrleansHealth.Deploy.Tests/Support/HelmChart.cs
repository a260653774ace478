namespace OrleansHealth.Deploy.Tests.Support;

/// <summary>The chart in helm/orleans-health: its values, its helpers and its templates, neutralised by <see cref="GoTemplate"/>.</summary>
public sealed class HelmChart
{
    public const string RelativeDirectory = "helm/orleans-health";

    private HelmChart(string directory)
    {
        Directory = directory;
        Defines = GoTemplate.Defines(File.ReadAllText(HelpersPath));
    }

    public static HelmChart Default { get; } = new(Path.Combine(RepositoryPaths.Root, RelativeDirectory));

    public string Directory { get; }

    public string HelpersPath => Path.Combine(Directory, "templates", "_helpers.tpl");

    public IReadOnlyDictionary<string, string> Defines { get; }

    /// <summary>templates/*.yaml, by file name.</summary>
    public IReadOnlyList<string> Templates =>
        System.IO.Directory.GetFiles(Path.Combine(Directory, "templates"), "*.yaml").Select(Path.GetFileName).Order().ToList()!;

    /// <summary>Every file of the chart, relative to its folder.</summary>
    public IReadOnlyList<string> Files =>
        System.IO.Directory.GetFiles(Directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Directory, f).Replace('\\', '/')).Order().ToList();

    /// <summary>values.yaml, freshly parsed (callers may change their copy).</summary>
    public Dictionary<string, object?> Values() => Yaml.LoadMap(File.ReadAllText(Path.Combine(Directory, "values.yaml")));

    /// <summary>values.yaml with some values replaced, like <c>helm --set a.b=c</c> (the path must exist).</summary>
    public Dictionary<string, object?> Values(params (string Path, object? Value)[] overrides)
    {
        var values = Values();
        foreach (var (path, value) in overrides)
        {
            var keys = path.Split('.');
            Plain.Map(values, keys[..^1])[keys[^1]] = Plain.Has(values, keys) ? value : throw new KeyNotFoundException(path);
        }

        return values;
    }

    public string Raw(string template) => File.ReadAllText(Path.Combine(Directory, "templates", template));

    public string Neutralised(string template, Dictionary<string, object?>? values) =>
        GoTemplate.Neutralise(Raw(template), Defines, values);

    /// <summary>The template's YAML documents, rendered with <paramref name="values"/> (default: values.yaml).</summary>
    public IReadOnlyList<object?> Documents(string template, Dictionary<string, object?>? values = null) =>
        Yaml.LoadAll(Neutralised(template, values ?? Values())).Where(d => d is not null).ToList();

    public Dictionary<string, object?> Document(string template, Dictionary<string, object?>? values = null) =>
        Documents(template, values).Cast<Dictionary<string, object?>>().Single();

    /// <summary>The one container of the silo Deployment's pod template.</summary>
    public Dictionary<string, object?> SiloContainer(Dictionary<string, object?>? values = null) =>
        Plain.Named(Plain.Maps(Document("deployment.yaml", values), "spec", "template", "spec", "containers"), "silo");
}
