using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Forests;

namespace OrleansHealth.Learning.Tests.Scoring;

/// <summary>
/// A two-tree forest over three features small enough to work out by hand (feature 2 is never split on).
/// <code>
/// Tree A                                   Tree B
/// node 0: x0 &lt;= 0.5 ? leaf 0 (0.2) : node 1  node 0: x1 &lt;= 2 ? leaf 0 (0.1) : node 1
/// node 1: x1 &lt;= 1.0 ? leaf 1 (0.6) : leaf 2 (1.0)   node 1: x0 &lt;= 5 ? leaf 1 (0.5) : leaf 2 (0.9)
/// </code>
/// Cover rows (x0, x1, x2): (0, 0, 0), (1, 0, 0), (1, 0.5, 0), (1, 1.5, 0).
/// <list type="bullet">
/// <item>Tree A leaf cover: leaf 0 ← row 1; leaf 1 ← rows 2, 3; leaf 2 ← row 4. Node 1 = (2·0.6 + 1·1.0) / 3 = 2.2/3 ≈ 0.7333;
/// root = (1·0.2 + 2·0.6 + 1·1.0) / 4 = 0.6.</item>
/// <item>Tree B: every cover row has x1 ≤ 2, so leaf 0 has cover 4 and node 1 none: node 1 takes the unweighted mean
/// of its children, (0.5 + 0.9) / 2 = 0.7; root = (4·0.1 + 0·…) / 4 = 0.1.</item>
/// </list>
/// </summary>
internal static class HandBuilt
{
    public const double A1 = ((2 * 0.6) + (1 * 1.0)) / 3;
    public const double A0 = ((1 * 0.2) + ((2 * 0.6) + (1 * 1.0))) / 4;
    public const double B1 = (0.5 + 0.9) / 2;
    public const double B0 = (4 * 0.1) / 4;

    public static DecisionTree TreeA() => new([0, 1], [0.5f, 1.0f], [~0, ~1], [1, ~2], [0.2, 0.6, 1.0]);

    public static DecisionTree TreeB() => new([1, 0], [2f, 5f], [~0, ~1], [1, ~2], [0.1, 0.5, 0.9]);

    public static Forest Forest() => new([TreeA(), TreeB()], 3);

    public static FeatureMatrix Cover() => Matrix(3, 0, 0, 0, 1, 0, 0, 1, 0.5f, 0, 1, 1.5f, 0);

    public static FeatureMatrix Matrix(int width, params float[] values)
    {
        var rows = values.Length / width;
        return new FeatureMatrix(
            [.. Enumerable.Range(0, width).Select(c => $"x{c}")],
            values,
            new bool[rows],
            [.. Enumerable.Range(0, rows).Select(r => $"r{r}")]);
    }
}
