namespace OrleansHealth.Learning.Evaluation;

/// <summary>
/// Assigns rows to cross-validation folds so that each fold has the cohort's outcome rate. With rare
/// outcomes a plain random split leaves folds with few or no positives, whose AUROC is then noise or
/// undefined. Seeded so a model version's folds can be rebuilt exactly when its metrics are audited.
/// </summary>
public static class StratifiedFolds
{
    /// <summary>
    /// A fold index in 0..<paramref name="folds"/>−1 for each row. Each class is shuffled with one
    /// <c>new Random(<paramref name="seed"/>)</c> (positives first, then negatives; a seeded
    /// <see cref="Random"/> yields the same sequence on every .NET version and machine) and dealt
    /// round-robin, the negatives carrying on from the fold after the last positive's. Every fold therefore
    /// holds each class's count to within one row, and fold sizes also differ by at most one.
    /// Throws <see cref="ArgumentOutOfRangeException"/> when <paramref name="folds"/> is below 2 or above
    /// the row count of the smaller class, since some fold would then lack that class.
    /// </summary>
    public static int[] Assign(IReadOnlyList<bool> labels, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var positives = new List<int>();
        var negatives = new List<int>();
        for (var i = 0; i < labels.Count; i++)
        {
            (labels[i] ? positives : negatives).Add(i);
        }

        var smaller = Math.Min(positives.Count, negatives.Count);
        if (folds < 2 || folds > smaller)
        {
            throw new ArgumentOutOfRangeException(
                nameof(folds), folds, $"Folds must be at least 2 and at most {smaller}, the row count of the smaller class.");
        }

        var random = new Random(seed);
        Shuffle(positives, random);
        Shuffle(negatives, random);

        var assignment = new int[labels.Count];
        var next = 0;
        foreach (var row in positives.Concat(negatives))
        {
            assignment[row] = next;
            next = (next + 1) % folds;
        }

        return assignment;
    }

    /// <summary>Fisher-Yates, written out so the sequence depends only on <see cref="Random.Next(int)"/>.</summary>
    private static void Shuffle(List<int> rows, Random random)
    {
        for (var i = rows.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }
    }
}
