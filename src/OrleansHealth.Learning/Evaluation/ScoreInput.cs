namespace OrleansHealth.Learning.Evaluation;

/// <summary>
/// The argument checks every metric shares, so that each public entry point rejects bad input the same
/// way and early, instead of sorting NaN (whose order is undefined) into a plausible-looking figure.
/// </summary>
internal static class ScoreInput
{
    /// <summary>
    /// Checks that <paramref name="scores"/> and <paramref name="labels"/> pair up and are not empty, and
    /// that each score is finite (finite thresholds are what keep curves JSON-safe), or, when
    /// <paramref name="probabilities"/> is set, a probability in [0, 1].
    /// </summary>
    public static void Check(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, bool probabilities, string scoresName)
    {
        ArgumentNullException.ThrowIfNull(scores, scoresName);
        ArgumentNullException.ThrowIfNull(labels, nameof(labels));
        if (scores.Count != labels.Count)
        {
            throw new ArgumentException($"{scores.Count} scores and {labels.Count} labels do not pair up.", nameof(labels));
        }

        if (scores.Count == 0)
        {
            throw new ArgumentException("There is nothing to evaluate: the input is empty.", scoresName);
        }

        for (var i = 0; i < scores.Count; i++)
        {
            var s = scores[i];
            if (probabilities ? !(s >= 0.0 && s <= 1.0) : !double.IsFinite(s))
            {
                var wanted = probabilities ? "a probability in [0, 1]" : "a finite number";
                throw new ArgumentException($"Row {i} has {s}, which is not {wanted}.", scoresName);
            }
        }
    }

    /// <summary>Counts the positive labels; ranking metrics need both classes and say so with this.</summary>
    public static int CountPositives(IReadOnlyList<bool> labels)
    {
        var positives = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i])
            {
                positives++;
            }
        }

        return positives;
    }

    /// <summary>Throws when a class is absent, for the metrics that have no meaning then.</summary>
    public static void RequireBothClasses(int positives, int count, string what)
    {
        if (positives == 0 || positives == count)
        {
            throw new ArgumentException($"{what} needs both classes, but all {count} labels are {positives > 0}.", "labels");
        }
    }
}
