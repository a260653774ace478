using System.Text;
using System.Text.RegularExpressions;
using OrleansHealth.Silo.Dashboard;

namespace OrleansHealth.Silo.Tests.Dashboard;

/// <summary>
/// The dashboard's files as the silo binary carries them: every file the page and its modules load is embedded
/// (a file left out of the build would only show as a blank page in a browser), with the right content type.
/// </summary>
public sealed partial class DashboardAssetsTests
{
    private readonly DashboardAssets _assets = new();

    [Fact]
    public void EveryFileTheShellAndItsModulesLoad_IsEmbedded()
    {
        var index = Text("index.html");
        var loaded = HtmlReferences().Matches(index).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("js/app.js", loaded);
        Assert.Contains("styles.css", loaded);

        foreach (var module in _assets.Paths.Where(p => p.EndsWith(".js", StringComparison.Ordinal)))
        {
            var folder = Path.GetDirectoryName(module)!.Replace('\\', '/');
            foreach (Match import in ModuleImports().Matches(Text(module)))
            {
                loaded.Add(Normalize($"{folder}/{import.Groups[1].Value}"));
            }
        }

        foreach (var path in loaded)
        {
            Assert.True(_assets.Find(path) is not null, $"{path} is loaded by the dashboard but not embedded");
        }
    }

    [Theory]
    [InlineData("index.html", "text/html; charset=utf-8")]
    [InlineData("js/app.js", "text/javascript; charset=utf-8")]
    [InlineData("js/pages/patient.js", "text/javascript; charset=utf-8")]
    [InlineData("styles.css", "text/css; charset=utf-8")]
    public void FilesHaveTheirContentType_AndAContentHashETag(string path, string contentType)
    {
        var asset = _assets.Find(path);
        Assert.NotNull(asset);
        Assert.Equal(contentType, asset.ContentType);
        Assert.Matches("^\"[0-9a-f]{16}\"$", asset.ETag);
    }

    [Fact]
    public void NoPageWritesMarkupFromData()
    {
        // Text from the cluster (names, reasons, raw quarantined records) must never become markup.
        foreach (var module in _assets.Paths.Where(p => p.EndsWith(".js", StringComparison.Ordinal)))
        {
            Assert.DoesNotMatch(@"(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write", Text(module));
        }
    }

    private string Text(string path) => Encoding.UTF8.GetString(_assets.Find(path)!.Content);

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == "..") parts.RemoveAt(parts.Count - 1);
            else if (part is not ("." or "")) parts.Add(part);
        }

        return string.Join('/', parts);
    }

    [GeneratedRegex("(?:src|href)=\"([^\"#:]+)\"")]
    private static partial Regex HtmlReferences();

    [GeneratedRegex("""from '([^']+)'""")]
    private static partial Regex ModuleImports();
}
