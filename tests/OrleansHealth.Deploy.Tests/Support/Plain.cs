namespace OrleansHealth.Deploy.Tests.Support;

/// <summary>Navigation over the plain values of <see cref="Yaml"/>, failing with the path that was missing.</summary>
public static class Plain
{
    public static object? At(object? node, params string[] path)
    {
        var current = node;
        var walked = new List<string>();
        foreach (var key in path)
        {
            walked.Add(key);
            if (current is not Dictionary<string, object?> map || !map.TryGetValue(key, out current))
            {
                throw new KeyNotFoundException($"no '{string.Join('.', walked)}'");
            }
        }

        return current;
    }

    public static bool Has(object? node, params string[] path)
    {
        try
        {
            At(node, path);
            return true;
        }
        catch (KeyNotFoundException)
        {
            return false;
        }
    }

    public static Dictionary<string, object?> Map(object? node, params string[] path) =>
        At(node, path) as Dictionary<string, object?> ?? throw new InvalidCastException($"'{string.Join('.', path)}' is not a mapping");

    public static List<object?> List(object? node, params string[] path) =>
        At(node, path) as List<object?> ?? throw new InvalidCastException($"'{string.Join('.', path)}' is not a sequence");

    public static string Text(object? node, params string[] path) =>
        At(node, path) as string ?? throw new InvalidCastException($"'{string.Join('.', path)}' is not a scalar");

    public static int Int(object? node, params string[] path) => int.Parse(Text(node, path), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The entries of a list of mappings (env, ports, containers), each as a mapping.</summary>
    public static IEnumerable<Dictionary<string, object?>> Maps(object? node, params string[] path) =>
        List(node, path).Select(item => item as Dictionary<string, object?> ?? throw new InvalidCastException("not a list of mappings"));

    /// <summary>The mapping in a list whose <c>name</c> is <paramref name="name"/>.</summary>
    public static Dictionary<string, object?> Named(IEnumerable<Dictionary<string, object?>> items, string name) =>
        items.SingleOrDefault(i => i.TryGetValue("name", out var n) && (string?)n == name)
        ?? throw new KeyNotFoundException($"no entry named '{name}'");
}
