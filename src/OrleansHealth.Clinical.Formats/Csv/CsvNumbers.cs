using System.Globalization;

namespace OrleansHealth.Clinical.Formats.Csv;

internal static class CsvNumbers
{
    /// <summary>Invariant-culture numbers only; NaN and infinities are not measurements and stay text.</summary>
    public static bool TryParse(string text, out double number) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
}
