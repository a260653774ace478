using System.Globalization;
using OrleansHealth.Learning.Data;

namespace OrleansHealth.Bench.Prediction;

/// <summary>The peer's CSV (<c>id, split, x0..x29, label</c>) read back as the training and test matrices.</summary>
internal sealed record SplitCsv(FeatureMatrix Training, FeatureMatrix Test, string[] TestText)
{
    /// <param name="path">The CSV the peer wrote.</param>
    /// <returns>The matrices, and each test row's feature values as the CSV has them (for the NDJSON body).</returns>
    public static SplitCsv Read(string path)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()!.Split(',');
        var names = header[2..^1];
        var train = new List<float>();
        var test = new List<float>();
        var trainLabels = new List<bool>();
        var testLabels = new List<bool>();
        var testText = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            var isTest = fields[1] == "test";
            var values = isTest ? test : train;
            for (var j = 2; j < fields.Length - 1; j++)
            {
                values.Add(float.Parse(fields[j], NumberStyles.Float, CultureInfo.InvariantCulture));
            }

            (isTest ? testLabels : trainLabels).Add(fields[^1] == "1");
            if (isTest)
            {
                testText.Add(string.Join(',', fields[2..^1]));
            }
        }

        return new SplitCsv(Matrix(names, train, trainLabels), Matrix(names, test, testLabels), [.. testText]);
    }

    public static FeatureMatrix Matrix(string[] names, IReadOnlyList<float> values, IReadOnlyList<bool> labels) =>
        new(names, [.. values], [.. labels], [.. Enumerable.Range(0, labels.Count).Select(i => i.ToString(CultureInfo.InvariantCulture))]);

    /// <summary><paramref name="copies"/> copies of <paramref name="m"/>'s rows, one after the other.</summary>
    public static FeatureMatrix Repeat(FeatureMatrix m, int copies)
    {
        var values = new float[m.Values.Length * copies];
        for (var c = 0; c < copies; c++)
        {
            m.Values.CopyTo(values, c * m.Values.Length);
        }

        return new FeatureMatrix(m.Names, values, [.. Enumerable.Repeat(m.Labels, copies).SelectMany(l => l)], [.. Enumerable.Repeat(m.RowIds, copies).SelectMany(i => i)]);
    }

    /// <summary>The rows cut into <paramref name="parts"/> contiguous matrices of nearly equal size.</summary>
    public static FeatureMatrix[] Partition(FeatureMatrix m, int parts)
    {
        var result = new FeatureMatrix[parts];
        for (var p = 0; p < parts; p++)
        {
            var start = (int)((long)m.Rows * p / parts);
            var end = (int)((long)m.Rows * (p + 1) / parts);
            result[p] = m.Select([.. Enumerable.Range(start, end - start)]);
        }

        return result;
    }
}
