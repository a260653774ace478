namespace OrleansHealth.Synthetic.Population;

/// <summary>
/// What population to generate. Histories run from <see cref="StartDate"/> to <see cref="EndDate"/>;
/// the index date (treatment decision, features measured up to it) is <see cref="OutcomeWindowDays"/>
/// before the end, and the outcome is onset of type-2 diabetes in the window after it.
/// </summary>
public sealed record PopulationOptions
{
    public const int OutcomeWindowDays = 730;

    /// <summary>Upper bound on <see cref="PatientCount"/>: the SSN and MRN bijections stay unique below it.</summary>
    public const int MaxPatientCount = 10_000_000;

    /// <summary>Persons to generate. Default 1,000.</summary>
    public int PatientCount { get; init; } = 1_000;

    /// <summary>Same seed, same population, byte for byte. Default 1.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>First day of the recorded histories. Default 2018-01-01.</summary>
    public DateOnly StartDate { get; init; } = new(2018, 1, 1);

    /// <summary>Last day of the recorded histories and of the outcome window. Default 2024-01-01.</summary>
    public DateOnly EndDate { get; init; } = new(2024, 1, 1);

    /// <summary>The index date: <see cref="EndDate"/> minus <see cref="OutcomeWindowDays"/>.</summary>
    public DateOnly IndexDate => EndDate.AddDays(-OutcomeWindowDays);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (PatientCount is < 1 or > MaxPatientCount)
        {
            throw new ArgumentException($"PatientCount must be 1–{MaxPatientCount:N0}; it is {PatientCount}.", nameof(PatientCount));
        }

        if (IndexDate.DayNumber - StartDate.DayNumber < 365)
        {
            throw new ArgumentException(
                $"StartDate must be at least a year before the index date {IndexDate:yyyy-MM-dd} (EndDate minus {OutcomeWindowDays} days).",
                nameof(StartDate));
        }
    }
}
