namespace OrleansHealth.Deploy.Tests.Support;

/// <summary>One instruction of a Dockerfile: its keyword in upper case and its arguments, continuation lines joined.</summary>
public sealed record DockerInstruction(string Keyword, string Arguments, int Line);

/// <summary>A minimal Dockerfile reader: comments dropped, <c>\</c> continuations joined, one entry per instruction.</summary>
public static class Dockerfile
{
    public const string RelativePath = "deploy/docker/Dockerfile";

    public static IReadOnlyList<DockerInstruction> Load() => Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, RelativePath)));

    public static IReadOnlyList<DockerInstruction> Parse(string text)
    {
        var result = new List<DockerInstruction>();
        var pending = new List<string>();
        var startLine = 0;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r', ' ', '\t');
            // Docker drops comment lines, also between continuation lines.
            if (line.TrimStart().StartsWith('#') || (line.Trim().Length == 0 && pending.Count == 0))
            {
                continue;
            }

            if (pending.Count == 0)
            {
                startLine = i + 1;
            }

            var continues = line.EndsWith('\\');
            pending.Add(continues ? line[..^1].Trim() : line.Trim());
            if (continues)
            {
                continue;
            }

            var joined = string.Join(' ', pending.Where(p => p.Length > 0));
            pending.Clear();
            var parts = joined.Split(' ', 2, StringSplitOptions.TrimEntries);
            result.Add(new DockerInstruction(parts[0].ToUpperInvariant(), parts.Length > 1 ? parts[1] : string.Empty, startLine));
        }

        return pending.Count == 0 ? result : throw new FormatException("the Dockerfile ends inside a continuation line");
    }
}
