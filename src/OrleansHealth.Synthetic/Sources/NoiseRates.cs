namespace OrleansHealth.Synthetic.Sources;

/// <summary>
/// How often each kind of noise hits one source record (a patient as one source holds it). Every
/// rate is a probability in [0, 1]; eligibility narrows some of them (see each property).
/// </summary>
public sealed record NoiseRates
{
    /// <summary>One typo (substitution, transposition or deletion, never in the first letter) in the family or the first given name.</summary>
    public double NameTypo { get; init; }

    /// <summary>The first given name replaced by a nickname (Robert → Bob), among names that have one.</summary>
    public double Nickname { get; init; }

    /// <summary>Day and month of the birth date swapped, among dates whose day is 1–12 and differs from the month.</summary>
    public double DayMonthSwap { get; init; }

    public double MissingPhone { get; init; }

    public double MissingPostalCode { get; init; }

    /// <summary>The SSN left out, among records of sources that carry SSNs.</summary>
    public double MissingSsn { get; init; }

    /// <summary>The patient and all its records sent twice, unchanged.</summary>
    public double DuplicateSend { get; init; }

    /// <summary>Clean data: every source holds the truth (in its own ids, formats and units).</summary>
    public static NoiseRates None { get; } = new();

    /// <summary>The rates of <c>AtLevel(0.5)</c>: 10 % typos, 15 % nicknames, 5 % swapped dates, 15 % / 10 % / 20 % missing phone / ZIP / SSN, 5 % duplicates.</summary>
    public static NoiseRates Default { get; } = AtLevel(0.5);

    /// <summary>
    /// Scales every rate linearly from none (0) to heavy (1): 20 % typos, 30 % nicknames, 10 % swapped
    /// dates, 30 % / 20 % / 40 % missing phone / ZIP / SSN, 10 % duplicates.
    /// </summary>
    public static NoiseRates AtLevel(double level)
    {
        if (double.IsNaN(level) || level is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The noise level must be between 0 and 1.");
        }

        return new NoiseRates
        {
            NameTypo = 0.20 * level,
            Nickname = 0.30 * level,
            DayMonthSwap = 0.10 * level,
            MissingPhone = 0.30 * level,
            MissingPostalCode = 0.20 * level,
            MissingSsn = 0.40 * level,
            DuplicateSend = 0.10 * level,
        };
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first rate outside [0, 1].</summary>
    public void Validate()
    {
        Check(NameTypo, nameof(NameTypo));
        Check(Nickname, nameof(Nickname));
        Check(DayMonthSwap, nameof(DayMonthSwap));
        Check(MissingPhone, nameof(MissingPhone));
        Check(MissingPostalCode, nameof(MissingPostalCode));
        Check(MissingSsn, nameof(MissingSsn));
        Check(DuplicateSend, nameof(DuplicateSend));
    }

    private static void Check(double rate, string name)
    {
        if (double.IsNaN(rate) || rate is < 0 or > 1)
        {
            throw new ArgumentException($"The noise rate {name} must be between 0 and 1; it is {rate}.", name);
        }
    }
}
