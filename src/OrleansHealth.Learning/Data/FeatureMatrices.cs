namespace OrleansHealth.Learning.Data;

/// <summary>Operations over several matrices of the same columns.</summary>
public static class FeatureMatrices
{
    /// <summary>Stacks the rows of <paramref name="parts"/> (all with the columns of the first) into one matrix.</summary>
    public static FeatureMatrix Concat(IReadOnlyList<FeatureMatrix> parts)
    {
        ArgumentOutOfRangeException.ThrowIfZero(parts.Count);
        var names = parts[0].Names;
        if (parts.Any(p => !p.Names.SequenceEqual(names, StringComparer.Ordinal)))
        {
            throw new ArgumentException("Every part must have the same columns in the same order.", nameof(parts));
        }

        return new FeatureMatrix(
            names,
            [.. parts.SelectMany(p => p.Values)],
            [.. parts.SelectMany(p => p.Labels)],
            [.. parts.SelectMany(p => p.RowIds)]);
    }
}
