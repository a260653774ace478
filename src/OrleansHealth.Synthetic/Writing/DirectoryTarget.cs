namespace OrleansHealth.Synthetic.Writing;

/// <summary>Documents as files under a root folder; remembers what it created so the summary can count files and bytes.</summary>
internal sealed class DirectoryTarget(string root) : IDocumentTarget
{
    private readonly List<string> created = [];
    private readonly Lock gate = new();

    public string Root { get; } = root;

    public Stream Create(string relativePath)
    {
        var path = Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        lock (gate)
        {
            created.Add(path);
        }

        return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1 << 16);
    }

    /// <summary>Files created under a folder of the root, and their total size.</summary>
    public (int Files, long Bytes) Measure(string folder)
    {
        var prefix = Path.Combine(Root, folder) + Path.DirectorySeparatorChar;
        var files = 0;
        long bytes = 0;
        lock (gate)
        {
            foreach (var path in created)
            {
                if (path.StartsWith(prefix, StringComparison.Ordinal))
                {
                    files++;
                    bytes += new FileInfo(path).Length;
                }
            }
        }

        return (files, bytes);
    }
}
