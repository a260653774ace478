using System.Text.RegularExpressions;

namespace OrleansHealth.Deploy.Tests;

/// <summary>values.yaml and the templates agree: nothing used is undefined, nothing defined is unused or undocumented.</summary>
public sealed class ChartValuesTests
{
    private static readonly HelmChart Chart = HelmChart.Default;

    private static IReadOnlySet<string> UsedPaths =>
        Chart.Templates.Select(Chart.Raw).Append(File.ReadAllText(Chart.HelpersPath))
            .SelectMany(GoTemplate.ValuesPaths).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void EveryValuesPathATemplateUses_IsDefinedInValuesYaml()
    {
        var values = Chart.Values();

        Assert.Contains("ports.http", UsedPaths);
        Assert.Contains("database.existingSecret", UsedPaths);
        Assert.All(UsedPaths, path => Assert.True(Plain.Has(values, path.Split('.')), $".Values.{path} is used by a template but not defined in values.yaml"));
    }

    [Fact]
    public void EveryValue_IsUsedByATemplate()
    {
        var leaves = LeafPaths(Chart.Values(), prefix: null).ToList();

        Assert.Contains("shutdown.terminationGracePeriodSeconds", leaves);
        Assert.All(leaves, leaf => Assert.True(
            UsedPaths.Any(used => leaf == used || leaf.StartsWith(used + ".", StringComparison.Ordinal)),
            $"values.yaml defines {leaf}, which no template uses"));
    }

    [Fact]
    public void EveryValue_HasACommentDirectlyAboveIt()
    {
        var lines = File.ReadAllLines(Path.Combine(Chart.Directory, "values.yaml"));
        var keys = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var key = Regex.Match(lines[i], @"^\s*(?<key>[A-Za-z_][\w.\-/]*):(\s|$)");
            if (!key.Success)
            {
                continue;
            }

            keys++;
            Assert.True(i > 0 && lines[i - 1].TrimStart().StartsWith('#'), $"values.yaml line {i + 1}: '{key.Groups["key"].Value}' has no comment above it");
        }

        Assert.True(keys >= LeafPaths(Chart.Values(), prefix: null).Count(), "every leaf value is a key line");
    }

    private static IEnumerable<string> LeafPaths(Dictionary<string, object?> map, string? prefix)
    {
        foreach (var (key, value) in map)
        {
            var path = prefix is null ? key : $"{prefix}.{key}";
            if (value is Dictionary<string, object?> { Count: > 0 } nested)
            {
                foreach (var leaf in LeafPaths(nested, path))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return path;
            }
        }
    }
}
