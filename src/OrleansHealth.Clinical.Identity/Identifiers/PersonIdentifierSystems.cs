using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Identity.Identifiers;

/// <summary>
/// The identifier systems whose values name one person wherever they appear, so that the same
/// system and value in two records links them without scoring. By default: US SSN, US passport,
/// and the driver's licence of the state whose OID <see cref="CodeSystems.DriversLicense"/> names
/// (a licence number is unique only within its state, and each state has its own OID).
/// A source's own MRN system is not person-level across sources; an enterprise or regional MRN
/// that several sources share is, and is added with <see cref="With"/>.
/// Order is priority: when a record's identifiers point at different patients, the first wins.
/// </summary>
public sealed class PersonIdentifierSystems
{
    private readonly string[] systems;

    /// <summary>Person-level systems in priority order.</summary>
    public PersonIdentifierSystems(IEnumerable<string> systems)
    {
        ArgumentNullException.ThrowIfNull(systems);
        this.systems = systems.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>SSN, passport, driver's licence.</summary>
    public static PersonIdentifierSystems Default { get; } = new([CodeSystems.Ssn, CodeSystems.Passport, CodeSystems.DriversLicense]);

    /// <summary>The systems in priority order.</summary>
    public IReadOnlyList<string> Systems => systems;

    /// <summary>These systems followed by <paramref name="sharedSystems"/> (e.g. a shared MRN system).</summary>
    public PersonIdentifierSystems With(params IEnumerable<string> sharedSystems) => new(systems.Concat(sharedSystems));

    /// <summary>The priority of <paramref name="system"/> (0 = highest), or -1 when it is not person-level.</summary>
    public int RankOf(string? system) => system is null ? -1 : Array.IndexOf(systems, system);

    /// <summary>True when values of <paramref name="system"/> identify a person.</summary>
    public bool Contains(string? system) => RankOf(system) >= 0;
}
