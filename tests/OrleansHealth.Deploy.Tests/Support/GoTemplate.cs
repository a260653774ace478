using System.Globalization;
using System.Text.RegularExpressions;

namespace OrleansHealth.Deploy.Tests.Support;

/// <summary>
/// Turns a Helm template into YAML that YamlDotNet can parse, without helm (which does not run on
/// the development machines).
/// <para>
/// Approach. A template is YAML with Go-template actions (<c>{{ … }}</c>), and this chart keeps every
/// action on one line. Each line is handled by what its actions are:
/// </para>
/// <list type="number">
/// <item>A line that is only control flow or prints nothing (<c>if</c>, <c>else</c>, <c>end</c>, <c>with</c>,
/// <c>define</c>, the <c>validate</c> include) is dropped. Both branches of every <c>if</c> are kept, so the
/// result holds every key any branch can produce (a template that set one key in two branches would
/// fail as a duplicate key, which is why the chart does not).</item>
/// <item>A line that is only <c>include "name" . | nindent N</c> becomes the named template's body,
/// neutralised the same way and indented by N, so labels and the connection-string env entry appear as
/// they will be rendered.</item>
/// <item>A line that is only <c>toYaml .Values.path | nindent N</c> becomes that value's YAML at indentation
/// N; so does <c>toYaml . | nindent N</c> inside <c>with .Values.path</c>, and nothing when that value is empty
/// (Helm skips such a <c>with</c> body). Any other whole-line action with <c>nindent N</c> becomes a placeholder
/// at indentation N: <c>- TEMPLATE</c> where its siblings are list items, <c>__template_k__: TEMPLATE</c>
/// otherwise.</item>
/// <item>An action inside a line becomes the value when it is exactly <c>.Values.path</c> or
/// <c>.Values.path | quote</c>, and the word TEMPLATE otherwise (names built by <c>include</c>, for example).</item>
/// </list>
/// <para>
/// The result is the chart rendered with one set of values and every branch on: enough to parse it as
/// YAML and to compare names, ports, paths, probes and env with the code; not a substitute for
/// <c>helm template</c>, whose functions (defaults, printf, trunc, …) are not evaluated.
/// </para>
/// </summary>
public static partial class GoTemplate
{
    public const string Placeholder = "TEMPLATE";

    private const int MaxIncludeDepth = 10;

    /// <summary>The <c>.Values</c> paths (<c>"a.b.c"</c>) a template text refers to, in order of appearance.</summary>
    public static IReadOnlyList<string> ValuesPaths(string text) =>
        ValuesReference().Matches(text).Select(m => m.Groups["path"].Value.TrimStart('.')).ToList();

    /// <summary>The bodies of the <c>define</c> blocks of a template file (usually _helpers.tpl), by name.</summary>
    public static IReadOnlyDictionary<string, string> Defines(string text)
    {
        text = CommentAction().Replace(text, string.Empty);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var depth = 0;
        string? name = null;
        var start = 0;
        foreach (Match action in Action().Matches(text))
        {
            var body = action.Groups["body"].Value;
            var keyword = body.Split(' ', 2)[0];
            if (keyword == "define")
            {
                if (depth == 0)
                {
                    name = DefineName().Match(body) is { Success: true } m ? m.Groups["name"].Value : throw new FormatException($"bad define: {body}");
                    start = action.Index + action.Length;
                }

                depth++;
            }
            else if (keyword is "if" or "with" or "range" or "block")
            {
                depth++;
            }
            else if (keyword == "end")
            {
                depth--;
                if (depth == 0 && name is not null)
                {
                    result[name] = text[start..action.Index];
                    name = null;
                }
            }
        }

        return depth == 0 ? result : throw new FormatException($"unbalanced template actions (depth {depth} at the end)");
    }

    /// <summary>The template as YAML text, per the rules above; <paramref name="values"/> null leaves every value a placeholder.</summary>
    public static string Neutralise(string text, IReadOnlyDictionary<string, string> defines, Dictionary<string, object?>? values) =>
        Neutralise(text, defines, values, 0);

    private static string Neutralise(string text, IReadOnlyDictionary<string, string> defines, Dictionary<string, object?>? values, int depth)
    {
        if (depth > MaxIncludeDepth)
        {
            throw new InvalidOperationException("include nesting too deep (a template including itself?)");
        }

        var source = CommentAction().Replace(text, string.Empty).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var output = new List<string>();
        var placeholders = 0;
        // The .Values path that `.` stands for inside each open block (null: not a `with .Values…`).
        var blocks = new Stack<string?>();
        for (var i = 0; i < source.Length; i++)
        {
            var line = source[i];
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (!IsActionOnly(line))
            {
                output.Add(Action().Replace(line, m => Inline(m.Groups["body"].Value, values)));
                continue;
            }

            var actions = Action().Matches(line).Select(m => m.Groups["body"].Value).ToList();
            foreach (var action in actions)
            {
                Track(blocks, action);
            }

            if (actions.Count == 1 && values is not null && blocks.TryPeek(out var dot) && dot is not null
                && ToYamlOfDot().Match(actions[0]) is { Success: true } toYamlOfDot)
            {
                // Helm skips a `with` body whose value is empty, and prints the value's YAML otherwise.
                var value = Plain.At(values, dot.Split('.'));
                if (!IsEmpty(value))
                {
                    AddIndented(output, Yaml.Serialize(value), int.Parse(toYamlOfDot.Groups["n"].Value, CultureInfo.InvariantCulture));
                }

                continue;
            }

            if (actions.Count == 1 && Include().Match(actions[0]) is { Success: true } include
                && defines.TryGetValue(include.Groups["name"].Value, out var defined))
            {
                var at = include.Groups["n"].Success ? int.Parse(include.Groups["n"].Value, CultureInfo.InvariantCulture) : Indentation(line);
                AddIndented(output, Neutralise(defined, defines, values, depth + 1), at);
                continue;
            }

            if (actions.Count == 1 && values is not null && ToYamlOfValues().Match(actions[0]) is { Success: true } toYaml)
            {
                var value = Plain.At(values, toYaml.Groups["path"].Value.TrimStart('.').Split('.'));
                AddIndented(output, Yaml.Serialize(value), int.Parse(toYaml.Groups["n"].Value, CultureInfo.InvariantCulture));
                continue;
            }

            var nindent = actions.Select(a => NIndent().Match(a)).FirstOrDefault(m => m.Success);
            if (nindent is not null)
            {
                var at = int.Parse(nindent.Groups["n"].Value, CultureInfo.InvariantCulture);
                var pad = new string(' ', at);
                output.Add(SiblingsAreListItems(output, source, i, at)
                    ? $"{pad}- {Placeholder}"
                    : $"{pad}__template_{++placeholders}__: {Placeholder}");
            }

            // Anything else on a line of its own prints nothing structural: control flow, validation.
        }

        var result = string.Join('\n', output) + "\n";
        return result.Contains("{{", StringComparison.Ordinal) || result.Contains("}}", StringComparison.Ordinal)
            ? throw new FormatException("a template action spans lines, which this neutraliser does not handle:\n" + result)
            : result;
    }

    private static void Track(Stack<string?> blocks, string action)
    {
        switch (action.Split(' ', 2)[0])
        {
            case "if" or "range" or "define" or "block":
                blocks.Push(null);
                break;
            case "with":
                blocks.Push(WithValues().Match(action) is { Success: true } with ? with.Groups["path"].Value.TrimStart('.') : null);
                break;
            case "else" when blocks.Count > 0:
                blocks.Pop();
                blocks.Push(null);
                break;
            case "end" when blocks.Count > 0:
                blocks.Pop();
                break;
        }
    }

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0 || s == "false",
        Dictionary<string, object?> map => map.Count == 0,
        List<object?> list => list.Count == 0,
        _ => false,
    };

    private static string Inline(string action, Dictionary<string, object?>? values)
    {
        if (values is null || SimpleValue().Match(action) is not { Success: true } simple)
        {
            return Placeholder;
        }

        var path = simple.Groups["path"].Value.TrimStart('.').Split('.');
        if (!Plain.Has(values, path) || Plain.At(values, path) is Dictionary<string, object?> or List<object?>)
        {
            return Placeholder;
        }

        // Helm prints a missing or null value as nothing.
        var text = Plain.At(values, path) as string ?? string.Empty;
        return simple.Groups["quote"].Success ? "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"" : text;
    }

    private static bool SiblingsAreListItems(List<string> output, string[] source, int index, int indentation)
    {
        for (var j = output.Count - 1; j >= 0; j--)
        {
            if (IsComment(output[j]))
            {
                continue;
            }

            var at = Indentation(output[j]);
            if (at < indentation)
            {
                break;
            }

            if (at == indentation)
            {
                return output[j].TrimStart().StartsWith('-');
            }
        }

        for (var j = index + 1; j < source.Length; j++)
        {
            if (source[j].Trim().Length == 0 || IsComment(source[j]) || IsActionOnly(source[j]))
            {
                continue;
            }

            var at = Indentation(source[j]);
            if (at < indentation)
            {
                break;
            }

            if (at == indentation)
            {
                return source[j].TrimStart().StartsWith('-');
            }
        }

        return false;
    }

    private static void AddIndented(List<string> output, string text, int indentation)
    {
        var pad = new string(' ', indentation);
        output.AddRange(text.Split('\n').Where(l => l.Trim().Length > 0).Select(l => pad + l));
    }

    private static bool IsActionOnly(string line) => Action().IsMatch(line) && Action().Replace(line, string.Empty).Trim().Length == 0;

    private static bool IsComment(string line) => line.TrimStart().StartsWith('#');

    private static int Indentation(string line) => line.Length - line.TrimStart(' ').Length;

    [GeneratedRegex(@"\{\{-?\s*/\*.*?\*/\s*-?\}\}", RegexOptions.Singleline)]
    private static partial Regex CommentAction();

    [GeneratedRegex(@"\{\{-?\s*(?<body>.*?)\s*-?\}\}")]
    private static partial Regex Action();

    [GeneratedRegex(@"^define\s+""(?<name>[^""]+)""$")]
    private static partial Regex DefineName();

    [GeneratedRegex(@"^include\s+""(?<name>[^""]+)""\s+\.(\s*\|\s*nindent\s+(?<n>\d+))?$")]
    private static partial Regex Include();

    [GeneratedRegex(@"^toYaml\s+\.Values(?<path>(\.[A-Za-z_]\w*)+)\s*\|\s*nindent\s+(?<n>\d+)$")]
    private static partial Regex ToYamlOfValues();

    [GeneratedRegex(@"^toYaml\s+\.\s*\|\s*nindent\s+(?<n>\d+)$")]
    private static partial Regex ToYamlOfDot();

    [GeneratedRegex(@"^with\s+\.Values(?<path>(\.[A-Za-z_]\w*)+)$")]
    private static partial Regex WithValues();

    [GeneratedRegex(@"\|\s*n?indent\s+(?<n>\d+)\s*$")]
    private static partial Regex NIndent();

    [GeneratedRegex(@"^\.Values(?<path>(\.[A-Za-z_]\w*)+)(?<quote>\s*\|\s*quote)?$")]
    private static partial Regex SimpleValue();

    [GeneratedRegex(@"\.Values(?<path>(\.[A-Za-z_]\w*)+)")]
    private static partial Regex ValuesReference();
}
