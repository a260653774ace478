namespace OrleansHealth.Learning.Scoring;

/// <summary>Percentiles as numpy's default (<c>linear</c>, Hyndman and Fan type 7) computes them.</summary>
internal static class Quantiles
{
    /// <summary>
    /// The <paramref name="q"/> quantile of <paramref name="sorted"/> (ascending, no NaN, not empty): with
    /// <c>h = (n − 1)·q</c>, the value at <c>⌊h⌋</c> plus <c>h − ⌊h⌋</c> of the step to the next one.
    /// </summary>
    public static double Linear(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("A quantile of no values is undefined.", nameof(sorted));
        }

        var h = (sorted.Length - 1) * q;
        var below = (int)Math.Floor(h);
        if (below >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        var fraction = h - below;
        return fraction == 0 ? sorted[below] : sorted[below] + (fraction * (sorted[below + 1] - sorted[below]));
    }
}
