using OrleansHealth.Clinical.Identity.Comparison;

namespace OrleansHealth.Clinical.Identity.Scoring;

/// <summary>The m/u-probabilities of one field's agreement levels and how its disagreement and dependence are treated.</summary>
public sealed class FieldModel
{
    /// <param name="field">The field.</param>
    /// <param name="levels">m/u per level the field's comparison produces (Missing is implied, weight 0).</param>
    /// <param name="onDisagree">What a <see cref="FieldAgreement.Disagree"/> does beyond its weight.</param>
    /// <param name="group">
    /// Fields naming one group are evidence about one thing (phone, ZIP and address all describe a
    /// household and change together in a move), so only the strongest of them counts: the largest
    /// weight when any agrees, else the most negative one. Null: the field counts on its own.
    /// </param>
    public FieldModel(
        MatchField field,
        IReadOnlyDictionary<FieldAgreement, MuProbabilities> levels,
        DisagreementEffect onDisagree = DisagreementEffect.None,
        string? group = null)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (!levels.ContainsKey(FieldAgreement.Disagree))
        {
            throw new ArgumentException($"The model of {field} needs m/u for {FieldAgreement.Disagree}.", nameof(levels));
        }

        if (levels.ContainsKey(FieldAgreement.Missing))
        {
            throw new ArgumentException("Missing carries no evidence and takes no m/u.", nameof(levels));
        }

        Field = field;
        Levels = levels;
        OnDisagree = onDisagree;
        Group = group;
    }

    /// <summary>The field.</summary>
    public MatchField Field { get; }

    /// <summary>m/u per agreement level.</summary>
    public IReadOnlyDictionary<FieldAgreement, MuProbabilities> Levels { get; }

    /// <summary>What full disagreement does beyond its weight.</summary>
    public DisagreementEffect OnDisagree { get; }

    /// <summary>The dependence group, or null.</summary>
    public string? Group { get; }

    /// <summary>log2(m/u) of <paramref name="level"/>; 0 for Missing; a level the model lacks weighs as Disagree.</summary>
    public double WeightOf(FieldAgreement level)
    {
        if (level == FieldAgreement.Missing)
        {
            return 0;
        }

        return (Levels.TryGetValue(level, out var mu) ? mu : Levels[FieldAgreement.Disagree]).Weight;
    }

    /// <summary>A copy with other m/u-probabilities and the same effect and group.</summary>
    public FieldModel WithLevels(IReadOnlyDictionary<FieldAgreement, MuProbabilities> levels) => new(Field, levels, OnDisagree, Group);
}
