using OrleansHealth.Clinical.Identity.Identifiers;
using OrleansHealth.Clinical.Identity.Keys;
using OrleansHealth.Clinical.Identity.Scoring;
using OrleansHealth.Clinical.Identity.Text;

namespace OrleansHealth.Clinical.Identity.Resolution;

/// <summary>The settings of a <see cref="MasterPatientIndex"/>; every default is the library's own.</summary>
public sealed record MasterPatientIndexOptions
{
    /// <summary>Thresholds; <see cref="MatchPolicy.Default"/>.</summary>
    public MatchPolicy Policy { get; init; } = MatchPolicy.Default;

    /// <summary>Weights; <see cref="FellegiSunterModel.Default"/>.</summary>
    public FellegiSunterModel Model { get; init; } = FellegiSunterModel.Default;

    /// <summary>Systems linked deterministically; <see cref="PersonIdentifierSystems.Default"/>.</summary>
    public PersonIdentifierSystems IdentifierSystems { get; init; } = PersonIdentifierSystems.Default;

    /// <summary>Given-name equivalences; <see cref="NicknameTable.Default"/>.</summary>
    public NicknameTable Nicknames { get; init; } = NicknameTable.Default;

    /// <summary>Hashes blocking keys; <see cref="KeyHasher.Unkeyed"/>.</summary>
    public KeyHasher KeyHasher { get; init; } = KeyHasher.Unkeyed;
}
