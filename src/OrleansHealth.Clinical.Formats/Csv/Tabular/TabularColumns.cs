using System.Globalization;

namespace OrleansHealth.Clinical.Formats.Csv.Tabular;

/// <summary>
/// The column names of a tabular CSV. scikit-learn's bundled data sets (breast_cancer.csv) start with
/// <c>rows,features,class names…</c> instead of names; that shape is recognised by a first row of
/// exactly features + 1 fields and named <c>feature_0 … feature_{n-1}, target</c>.
/// </summary>
internal static class TabularColumns
{
    public const string Target = "target";

    public static string[] Name(string[] header, int firstRowFieldCount)
    {
        if (IsScikitLearnHeader(header, out var features) && firstRowFieldCount == features + 1)
        {
            var names = new string[features + 1];
            for (var i = 0; i < features; i++)
            {
                names[i] = $"feature_{i}";
            }

            names[features] = Target;
            return names;
        }

        var columns = new string[header.Length];
        for (var i = 0; i < header.Length; i++)
        {
            // An unnamed column still needs a name to become a code.
            columns[i] = header[i].Length > 0 ? header[i] : $"column_{i + 1}";
        }

        return columns;
    }

    private static bool IsScikitLearnHeader(string[] header, out int features)
    {
        features = 0;
        return header.Length >= 2
            && int.TryParse(header[0], NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && int.TryParse(header[1], NumberStyles.None, CultureInfo.InvariantCulture, out features)
            && features > 0;
    }
}
