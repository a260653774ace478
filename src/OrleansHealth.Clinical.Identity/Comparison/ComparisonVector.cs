namespace OrleansHealth.Clinical.Identity.Comparison;

/// <summary>
/// The agreement level of every <see cref="MatchField"/> for one pair of records, packed one byte
/// per field into a <see cref="ulong"/>: comparing a pair allocates nothing, and equal vectors
/// (the unit the EM estimator counts) are equal numbers.
/// </summary>
public readonly record struct ComparisonVector(ulong Packed)
{
    /// <summary>Number of fields in a vector.</summary>
    public const int FieldCount = 8;

    /// <summary>The level of <paramref name="field"/>.</summary>
    public FieldAgreement this[MatchField field] => (FieldAgreement)(byte)(Packed >> (8 * (int)field));

    /// <summary>A copy with <paramref name="field"/> set to <paramref name="level"/>.</summary>
    public ComparisonVector With(MatchField field, FieldAgreement level)
    {
        var shift = 8 * (int)field;
        return new ComparisonVector((Packed & ~(0xFFUL << shift)) | ((ulong)level << shift));
    }

    /// <summary>A vector from levels listed in <see cref="MatchField"/> order (fields left out are missing).</summary>
    public static ComparisonVector Of(params ReadOnlySpan<FieldAgreement> levels)
    {
        if (levels.Length > FieldCount)
        {
            throw new ArgumentException($"A comparison vector has {FieldCount} fields.", nameof(levels));
        }

        var vector = default(ComparisonVector);
        for (var i = 0; i < levels.Length; i++)
        {
            vector = vector.With((MatchField)i, levels[i]);
        }

        return vector;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var self = this;
        return string.Join(", ", Enumerable.Range(0, FieldCount).Select(i => $"{(MatchField)i}={self[(MatchField)i]}"));
    }
}
