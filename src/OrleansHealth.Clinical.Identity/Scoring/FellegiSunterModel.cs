using OrleansHealth.Clinical.Identity.Comparison;

namespace OrleansHealth.Clinical.Identity.Scoring;

/// <summary>
/// Field models turned into a weight table: the score of a pair is the sum of log2(m/u) over its
/// fields (missing fields add 0), with the fields of one dependence group counted once.
/// </summary>
public sealed class FellegiSunterModel
{
    private const int LevelCount = (int)FieldAgreement.Disagree + 1;
    private const int FieldCount = ComparisonVector.FieldCount;

    private readonly double[] weights = new double[FieldCount * LevelCount];
    private readonly DisagreementEffect[] effects = new DisagreementEffect[FieldCount];
    private readonly int[] groupOf = new int[FieldCount];
    private readonly int groupCount;

    /// <summary>A model over <paramref name="fields"/>; a field without a model always weighs 0.</summary>
    public FellegiSunterModel(IEnumerable<FieldModel> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Fields = [.. fields];
        if (Fields.Select(f => f.Field).Distinct().Count() != Fields.Count)
        {
            throw new ArgumentException("A field may be modelled once.", nameof(fields));
        }

        Array.Fill(groupOf, -1);
        var groups = new List<string>();
        foreach (var model in Fields)
        {
            var f = (int)model.Field;
            for (var level = 0; level < LevelCount; level++)
            {
                weights[f * LevelCount + level] = model.WeightOf((FieldAgreement)level);
            }

            effects[f] = model.OnDisagree;
            if (model.Group is { } group)
            {
                var index = groups.IndexOf(group);
                if (index < 0)
                {
                    index = groups.Count;
                    groups.Add(group);
                }

                groupOf[f] = index;
            }
        }

        groupCount = groups.Count;
    }

    /// <summary>The model this library ships (see <see cref="FellegiSunterDefaults"/>).</summary>
    public static FellegiSunterModel Default { get; } = FellegiSunterDefaults.Create();

    /// <summary>The field models.</summary>
    public IReadOnlyList<FieldModel> Fields { get; }

    /// <summary>The model of <paramref name="field"/>, or null when it is not scored.</summary>
    public FieldModel? this[MatchField field] => Fields.FirstOrDefault(f => f.Field == field);

    /// <summary>The weight of <paramref name="level"/> on <paramref name="field"/>.</summary>
    public double WeightOf(MatchField field, FieldAgreement level) => weights[(int)field * LevelCount + (int)level];

    /// <summary>Total and conflict of a compared pair.</summary>
    public PairScore Weigh(ComparisonVector vector)
    {
        Span<int> chosen = stackalloc int[Math.Max(groupCount, 1)];
        Choose(vector, chosen[..groupCount]);
        var total = 0.0;
        var conflict = DisagreementEffect.None;
        for (var f = 0; f < FieldCount; f++)
        {
            var level = vector[(MatchField)f];
            if (level == FieldAgreement.Disagree && effects[f] > conflict)
            {
                conflict = effects[f];
            }

            if (Counts(f, chosen))
            {
                total += weights[f * LevelCount + (int)level];
            }
        }

        return new PairScore(total, conflict);
    }

    /// <summary>Total, conflict and the per-field breakdown of a compared pair.</summary>
    public MatchScore Explain(ComparisonVector vector)
    {
        Span<int> chosen = stackalloc int[Math.Max(groupCount, 1)];
        Choose(vector, chosen[..groupCount]);
        var scores = new FieldScore[FieldCount];
        var total = 0.0;
        var conflict = DisagreementEffect.None;
        for (var f = 0; f < FieldCount; f++)
        {
            var level = vector[(MatchField)f];
            if (level == FieldAgreement.Disagree && effects[f] > conflict)
            {
                conflict = effects[f];
            }

            var weight = weights[f * LevelCount + (int)level];
            var contribution = Counts(f, chosen) ? weight : 0;
            total += contribution;
            scores[f] = new FieldScore((MatchField)f, level, weight, contribution);
        }

        return new MatchScore(total, conflict, scores);
    }

    private bool Counts(int field, ReadOnlySpan<int> chosen) => groupOf[field] < 0 || chosen[groupOf[field]] == field;

    // Picks, per group, the one field that counts: the largest positive weight, else the most
    // negative one, else none (-1). Ties go to the field that comes first.
    private void Choose(ComparisonVector vector, Span<int> chosen)
    {
        for (var g = 0; g < chosen.Length; g++)
        {
            var best = -1;
            var bestWeight = 0.0;
            var worst = -1;
            var worstWeight = 0.0;
            for (var f = 0; f < FieldCount; f++)
            {
                if (groupOf[f] != g)
                {
                    continue;
                }

                var weight = weights[f * LevelCount + (int)vector[(MatchField)f]];
                if (weight > bestWeight)
                {
                    best = f;
                    bestWeight = weight;
                }
                else if (weight < worstWeight)
                {
                    worst = f;
                    worstWeight = weight;
                }
            }

            chosen[g] = best >= 0 ? best : worst;
        }
    }
}
