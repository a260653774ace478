namespace OrleansHealth.Synthetic.Sources;

/// <summary>
/// How many sources there are and how they see the population. Randomness comes from the
/// population's seed, so one seed fixes both the persons and what each source says about them.
/// </summary>
public sealed record SourceSimulationOptions
{
    public const int MaxSourceCount = 64;

    /// <summary>Number of sources. Default 3.</summary>
    public int SourceCount { get; init; } = 3;

    /// <summary>
    /// The chance that a person appears in one more source, tried again after each success up to
    /// <see cref="MaxSourcesPerPerson"/>. It is also the share of persons in two or more sources.
    /// Default 0.5 (with three sources: half in one, a quarter in two, a quarter in three).
    /// </summary>
    public double Overlap { get; init; } = 0.5;

    /// <summary>Most sources one person appears in. Default 3.</summary>
    public int MaxSourcesPerPerson { get; init; } = 3;

    public NoiseRates Noise { get; init; } = NoiseRates.Default;

    /// <summary>How many sources (the last ones) report in alternative units ([lb_av], [in_i], mmol/L, [degF], mmol/mol). Default 1.</summary>
    public int AlternativeUnitSources { get; init; } = 1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (SourceCount is < 1 or > MaxSourceCount)
        {
            throw new ArgumentException($"SourceCount must be 1–{MaxSourceCount}; it is {SourceCount}.", nameof(SourceCount));
        }

        if (double.IsNaN(Overlap) || Overlap is < 0 or > 1)
        {
            throw new ArgumentException($"Overlap must be between 0 and 1; it is {Overlap}.", nameof(Overlap));
        }

        if (MaxSourcesPerPerson < 1)
        {
            throw new ArgumentException($"MaxSourcesPerPerson must be at least 1; it is {MaxSourcesPerPerson}.", nameof(MaxSourcesPerPerson));
        }

        if (AlternativeUnitSources < 0 || AlternativeUnitSources > SourceCount)
        {
            throw new ArgumentException($"AlternativeUnitSources must be 0–{SourceCount}; it is {AlternativeUnitSources}.", nameof(AlternativeUnitSources));
        }

        ArgumentNullException.ThrowIfNull(Noise);
        Noise.Validate();
    }
}
