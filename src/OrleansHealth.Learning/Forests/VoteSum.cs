namespace OrleansHealth.Learning.Forests;

/// <summary>
/// The running total of tree probabilities for one row: <see cref="Sum"/> of the trees' class
/// probabilities over <see cref="Trees"/> trees. It exists so a forest split into shards (one per silo)
/// can be scored where each shard lives and the partial sums added, giving exactly the probability the
/// merged forest would give, with no second copy of the vote arithmetic. A value type so that scoring a
/// row allocates nothing.
/// </summary>
/// <param name="Sum">Sum over trees of each tree's probability of the positive class, each in [0, 1].</param>
/// <param name="Trees">Number of trees that voted.</param>
[GenerateSerializer, Immutable, Alias("oh.learning.VoteSum")]
public readonly record struct VoteSum(
    [property: Id(0)] double Sum,
    [property: Id(1)] int Trees)
{
    /// <summary>No trees, no votes: the identity of <see cref="Add"/>.</summary>
    public static VoteSum Zero => default;

    /// <summary>
    /// Mean tree probability, <c>Sum / Trees</c>: a soft vote, which keeps the trees' leaf frequencies
    /// rather than rounding each tree to 0 or 1 first, so it ranks finely and can be calibrated.
    /// </summary>
    /// <exception cref="InvalidOperationException">No tree has voted; the mean is undefined.</exception>
    public double Probability => Trees > 0
        ? Sum / Trees
        : throw new InvalidOperationException("No tree has voted; add the votes of at least one tree before asking for a probability.");

    /// <summary>The votes of both forests together, as if their trees formed one forest.</summary>
    public VoteSum Add(VoteSum other) => new(Sum + other.Sum, checked(Trees + other.Trees));

    /// <summary>Same as <see cref="Add"/>.</summary>
    public static VoteSum operator +(VoteSum left, VoteSum right) => left.Add(right);
}
