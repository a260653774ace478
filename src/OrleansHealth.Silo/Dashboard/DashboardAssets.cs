using System.Reflection;
using System.Security.Cryptography;

namespace OrleansHealth.Silo.Dashboard;

/// <summary>
/// The dashboard's files, read once from the silo's own assembly (they are embedded at build time), each with
/// its content type and a content hash for the ETag: a browser revalidates cheaply and never runs stale code.
/// </summary>
public sealed class DashboardAssets
{
    private const string Prefix = "dashboard/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    private readonly Dictionary<string, Asset> _assets;

    public DashboardAssets() : this(typeof(DashboardAssets).Assembly)
    {
    }

    public DashboardAssets(Assembly assembly)
    {
        _assets = new(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var path = name[Prefix.Length..];
            var type = ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
            _assets[path] = new Asset(content, type, $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");
        }
    }

    public IReadOnlyCollection<string> Paths => _assets.Keys;

    /// <summary>The file at <paramref name="path"/> (relative, "/"-separated), or null.</summary>
    public Asset? Find(string path) => _assets.GetValueOrDefault(path);

    public sealed record Asset(byte[] Content, string ContentType, string ETag);
}
