namespace OrleansHealth.Synthetic.Population;

/// <summary>
/// Generates the synthetic population. Every person is drawn from random streams keyed by the seed
/// and the person's index, so any person can be generated alone, in any order or in parallel, and
/// comes out the same. Thread-safe.
/// </summary>
public sealed class PopulationGenerator
{
    private readonly IdentityFactory identities;

    /// <exception cref="ArgumentException">The options cannot work (see <see cref="PopulationOptions.Validate"/>).</exception>
    public PopulationGenerator(PopulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        identities = new IdentityFactory(options);
    }

    public PopulationOptions Options { get; }

    public int Count => Options.PatientCount;

    /// <summary>The true person id of the person at <paramref name="index"/> (<c>person-000001</c>, …).</summary>
    public static string PersonIdOf(int index) => IdentityFactory.PersonIdOf(index);

    /// <summary>Only the true demographics: the cheap path for identity-resolution work.</summary>
    public PersonIdentity GenerateIdentity(int index)
    {
        CheckIndex(index);
        return identities.Create(index);
    }

    /// <summary>The whole person: identity, baseline, treatment and outcome truth, visit history.</summary>
    public SyntheticPerson GeneratePerson(int index)
    {
        var identity = GenerateIdentity(index);
        var baseline = BaselineFactory.Create(Options, identity);
        var truth = OutcomeFactory.Create(Options, index, baseline);
        return HistoryFactory.Create(Options, identity, baseline, truth);
    }

    /// <summary>
    /// Every person, in index order (generated in parallel). Holds them all in memory (several KB
    /// each): for large populations call <see cref="GeneratePerson"/> per index or use the dataset writer.
    /// </summary>
    public IReadOnlyList<SyntheticPerson> GenerateAll()
    {
        var persons = new SyntheticPerson[Count];
        Parallel.For(0, Count, index => persons[index] = GeneratePerson(index));
        return persons;
    }

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The population has {Count} persons (indexes 0–{Count - 1}).");
        }
    }
}
