using System.Globalization;
using System.Text;

namespace OrleansHealth.Bench.Training;

/// <summary>A Markdown table printed to the console, so results paste into docs/benchmarks.md as they are.</summary>
internal sealed class Table(params string[] headers)
{
    private readonly List<string[]> rows = [];

    public Table Add(params object?[] cells)
    {
        rows.Add([.. cells.Select(Format)]);
        return this;
    }

    public void Print(string? title = null)
    {
        var text = new StringBuilder();
        if (title is not null)
        {
            text.AppendLine().AppendLine(title).AppendLine();
        }

        text.Append("| ").AppendJoin(" | ", headers).AppendLine(" |");
        text.Append('|').AppendJoin('|', headers.Select((_, i) => i == 0 ? "---" : "---:")).AppendLine("|");
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }

        Console.Write(text.ToString());
    }

    public static string Seconds(double seconds) => seconds.ToString(seconds < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);

    public static string Auroc(double? auroc) => auroc is { } a ? a.ToString("F4", CultureInfo.InvariantCulture) : "—";

    public static string Signed(double? value, string format = "F4") =>
        value is { } v ? (v >= 0 ? "+" : "−") + Math.Abs(v).ToString(format, CultureInfo.InvariantCulture) : "—";

    public static string Ratio(double value) => value.ToString("F2", CultureInfo.InvariantCulture) + "×";

    private static string Format(object? cell) => cell switch
    {
        null => "—",
        string s => s,
        int i => i.ToString("N0", CultureInfo.InvariantCulture),
        long l => l.ToString("N0", CultureInfo.InvariantCulture),
        double d => d.ToString("F4", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}
