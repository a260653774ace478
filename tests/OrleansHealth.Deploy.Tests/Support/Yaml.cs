using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace OrleansHealth.Deploy.Tests.Support;

/// <summary>
/// YAML through YamlDotNet, turned into plain values: a mapping becomes an ordered
/// <c>Dictionary&lt;string, object?&gt;</c>, a sequence a <c>List&lt;object?&gt;</c>, a scalar its text, and an
/// unquoted empty, <c>~</c> or <c>null</c> scalar null. Merge keys (<c>&lt;&lt;: *anchor</c>, which compose files
/// use) are applied the way Docker Compose applies them: the mapping's own keys win.
/// A duplicate key is an error, as it is for Kubernetes and Compose.
/// </summary>
public static class Yaml
{
    public const string MergeKey = "<<";

    /// <summary>Every document of a YAML stream; throws <see cref="YamlException"/> on invalid YAML.</summary>
    public static IReadOnlyList<object?> LoadAll(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Select(d => ToPlain(d.RootNode)).ToList();
    }

    /// <summary>The single document of a YAML text.</summary>
    public static object? Load(string text)
    {
        var documents = LoadAll(text);
        return documents.Count switch
        {
            0 => null,
            1 => documents[0],
            _ => throw new InvalidOperationException($"expected one YAML document, found {documents.Count}"),
        };
    }

    public static Dictionary<string, object?> LoadMap(string text) =>
        Load(text) as Dictionary<string, object?> ?? throw new InvalidOperationException("the YAML document is not a mapping");

    /// <summary>Serialises plain values back to block YAML (as Helm's toYaml would).</summary>
    public static string Serialize(object? value) => new SerializerBuilder().Build().Serialize(value).TrimEnd('\n');

    private static object? ToPlain(YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                var isNull = (scalar.Style is ScalarStyle.Plain or ScalarStyle.Any) && (scalar.Value is null or "" or "~" or "null" or "Null" or "NULL");
                return isNull ? null : scalar.Value ?? string.Empty;
            case YamlSequenceNode sequence:
                return sequence.Children.Select(ToPlain).ToList();
            case YamlMappingNode mapping:
                var result = new Dictionary<string, object?>(StringComparer.Ordinal);
                var own = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
                    if (key == MergeKey)
                    {
                        var bases = valueNode is YamlSequenceNode many ? many.Children : [valueNode];
                        foreach (var b in bases)
                        {
                            foreach (var (k, v) in (Dictionary<string, object?>)ToPlain(b)!)
                            {
                                result.TryAdd(k, v);
                            }
                        }

                        continue;
                    }

                    if (!own.Add(key))
                    {
                        throw new YamlException(keyNode.Start, keyNode.End, $"duplicate key '{key}'");
                    }

                    // Own keys override merged ones, whatever their order in the file.
                    result[key] = ToPlain(valueNode);
                }

                return result;
            default:
                throw new InvalidOperationException($"unexpected YAML node {node.NodeType}");
        }
    }
}
