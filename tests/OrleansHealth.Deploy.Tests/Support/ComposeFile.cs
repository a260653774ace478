using System.Text.RegularExpressions;

namespace OrleansHealth.Deploy.Tests.Support;

/// <summary>
/// docker-compose.yml, parsed with merge keys applied and <c>${VAR:-default}</c> interpolated as if no
/// variable were set (the defaults are what a plain <c>docker compose up</c> uses).
/// </summary>
public sealed partial class ComposeFile
{
    public const string RelativePath = "docker-compose.yml";

    private ComposeFile(Dictionary<string, object?> root) => Root = root;

    public static ComposeFile Default { get; } = new(Yaml.LoadMap(File.ReadAllText(Path.Combine(RepositoryPaths.Root, RelativePath))));

    public Dictionary<string, object?> Root { get; }

    public Dictionary<string, object?> Service(string name) => Plain.Map(Root, "services", name);

    public IReadOnlyList<string> ServiceNames => Plain.Map(Root, "services").Keys.ToList();

    /// <summary>Services built from the silo's Dockerfile (the migrate step and the silos).</summary>
    public IReadOnlyList<string> SiloImageServices => ServiceNames
        .Where(s => Plain.Has(Service(s), "build", "dockerfile") && Plain.Text(Service(s), "build", "dockerfile") == Dockerfile.RelativePath)
        .ToList();

    /// <summary>The silo-image services that run a silo: every one whose command is not <c>migrate</c>.</summary>
    public IReadOnlyList<string> Silos => SiloImageServices.Where(s => !Plain.Has(Service(s), "command")).ToList();

    /// <summary>A service's environment (mapping or KEY=VALUE list form), interpolated.</summary>
    public IReadOnlyDictionary<string, string> Environment(string service)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Plain.Has(Service(service), "environment"))
        {
            return result;
        }

        switch (Plain.At(Service(service), "environment"))
        {
            case Dictionary<string, object?> map:
                foreach (var (key, value) in map)
                {
                    result.Add(key, Interpolate(value as string ?? string.Empty));
                }

                break;
            case List<object?> list:
                foreach (var item in list.Cast<string>())
                {
                    var parts = item.Split('=', 2);
                    result.Add(parts[0], Interpolate(parts.Length > 1 ? parts[1] : string.Empty));
                }

                break;
        }

        return result;
    }

    /// <summary>Compose interpolation with no variable set: <c>${A:-x}</c> and <c>${A-x}</c> give x, <c>${A}</c> and <c>$A</c> nothing, <c>$$</c> a dollar.</summary>
    public static string Interpolate(string value) =>
        Variable().Replace(value, m => m.Value == "$$" ? "$" : m.Groups["default"].Value);

    [GeneratedRegex(@"\$\$|\$\{(?<name>\w+)(?::?-(?<default>[^}]*))?\}|\$(?<bare>[A-Za-z_]\w*)")]
    private static partial Regex Variable();
}
