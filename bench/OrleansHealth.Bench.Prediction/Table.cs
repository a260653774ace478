using System.Globalization;

namespace OrleansHealth.Bench.Prediction;

/// <summary>A Markdown table printed to the console, ready to paste into docs/benchmarks.md.</summary>
internal sealed class Table(params string[] headers)
{
    public static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    private readonly List<string[]> rows = [];

    public void Add(params string[] cells) => rows.Add(cells);

    public void Print(string title)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine();
        Console.WriteLine($"| {string.Join(" | ", headers)} |");
        Console.WriteLine($"|{string.Concat(headers.Select((_, i) => i == 0 ? "---|" : "---:|"))}");
        foreach (var row in rows)
        {
            Console.WriteLine($"| {string.Join(" | ", row)} |");
        }
    }

    public static string Rate(double perSecond) => perSecond.ToString("N0", Culture);

    public static string Ratio(double ratio) => ratio.ToString("0.00", Culture) + "×";

    public static string Percent(double share) => share.ToString("P1", Culture);

    public static string Risk(double risk) => risk.ToString("0.0000", Culture);

    public static string Ms(double ms) => ms.ToString("0.00", Culture);
}
