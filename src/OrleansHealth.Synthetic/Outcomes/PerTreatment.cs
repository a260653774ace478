namespace OrleansHealth.Synthetic.Outcomes;

/// <summary>One value for each candidate <see cref="Treatment"/>.</summary>
public readonly record struct PerTreatment<T>(T None, T Metformin, T Lifestyle)
{
    public static IReadOnlyList<Treatment> Candidates { get; } = [Treatment.None, Treatment.Metformin, Treatment.Lifestyle];

    public T this[Treatment treatment] => treatment switch
    {
        Treatment.None => None,
        Treatment.Metformin => Metformin,
        Treatment.Lifestyle => Lifestyle,
        _ => throw new ArgumentOutOfRangeException(nameof(treatment), treatment, "Not a candidate treatment."),
    };
}
