namespace OrleansHealth.Clinical.Identity.Scoring;

/// <summary>
/// The Fellegi–Sunter pair for one agreement level of one field: <see cref="M"/>, the chance of
/// seeing that level when both records are the same person; <see cref="U"/>, the chance when they
/// are two different people. The evidence the level carries is <see cref="Weight"/> = log2(m/u).
/// </summary>
public readonly record struct MuProbabilities
{
    /// <summary>Both probabilities must lie in (0, 1].</summary>
    public MuProbabilities(double m, double u)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(m);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(u);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(m, 1.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(u, 1.0);
        M = m;
        U = u;
    }

    /// <summary>P(level | same person).</summary>
    public double M { get; }

    /// <summary>P(level | different people).</summary>
    public double U { get; }

    /// <summary>log2(m / u): positive for evidence of a match, negative against.</summary>
    public double Weight => Math.Log2(M / U);
}
