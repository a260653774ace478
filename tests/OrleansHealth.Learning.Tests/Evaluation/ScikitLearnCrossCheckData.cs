namespace OrleansHealth.Learning.Tests.Evaluation;

/// <summary>
/// 200 (probability, label) pairs for the scikit-learn cross-check: 69 positives, probabilities in
/// hundredths (77 distinct values, so ties are common), positives drawn from Beta(3, 2) and negatives from
/// Beta(2, 3) with Python's random.Random(20240611). Kept as literals so the test never runs Python.
/// </summary>
internal static class ScikitLearnCrossCheckData
{
    /// <summary>Probability of each row, in hundredths (k / 100.0 is the same double in C# and Python).</summary>
    private static readonly int[] Hundredths =
    [
        74, 24, 40, 39, 20, 31, 34, 37, 49, 54, 37, 25, 42, 33, 35, 48, 27, 39, 57, 77,
        15, 70, 68, 53, 37, 73, 63, 61, 65, 64, 87, 11, 59, 39, 20, 76, 26, 88, 74, 80,
        43, 63, 49, 14, 50, 30, 21, 43, 8, 53, 98, 23, 19, 25, 37, 71, 68, 77, 35, 48,
        57, 27, 50, 39, 62, 63, 58, 21, 74, 22, 65, 17, 38, 30, 34, 52, 27, 85, 26, 81,
        38, 74, 55, 29, 33, 19, 88, 21, 89, 47, 68, 76, 79, 62, 79, 44, 34, 13, 73, 50,
        37, 17, 43, 13, 17, 90, 41, 52, 82, 24, 14, 58, 97, 44, 59, 60, 29, 43, 22, 58,
        62, 43, 40, 63, 83, 18, 37, 60, 22, 25, 35, 38, 45, 45, 69, 64, 34, 2, 51, 41,
        21, 24, 76, 83, 73, 70, 66, 70, 74, 61, 24, 48, 21, 37, 60, 77, 40, 22, 16, 45,
        34, 48, 51, 8, 63, 12, 38, 49, 41, 14, 50, 38, 37, 72, 23, 42, 58, 49, 51, 45,
        71, 66, 21, 75, 56, 56, 18, 55, 48, 11, 49, 42, 41, 49, 40, 32, 34, 69, 32, 30,
    ];

    /// <summary>Label of each row, '1' for positive.</summary>
    private const string LabelDigits =
        "00110000010000011101010101101010000000100000100000" +
        "10010010001000110010100011010101100010100100000000" +
        "00010101101011000101000110000000001100100000101001" +
        "00010010000010100110100100011011011101000101000110";

    public static double[] Probabilities => Hundredths.Select(h => h / 100.0).ToArray();

    public static bool[] Labels => LabelDigits.Select(c => c == '1').ToArray();
}
