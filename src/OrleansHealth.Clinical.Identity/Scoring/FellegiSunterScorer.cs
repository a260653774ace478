using OrleansHealth.Clinical.Identity.Comparison;
using OrleansHealth.Clinical.Identity.Profiles;

namespace OrleansHealth.Clinical.Identity.Scoring;

/// <summary>Compares two profiles and weighs the comparison with a <see cref="FellegiSunterModel"/>.</summary>
public sealed class FellegiSunterScorer(FellegiSunterModel model)
{
    /// <summary>A scorer with <see cref="FellegiSunterModel.Default"/>.</summary>
    public FellegiSunterScorer()
        : this(FellegiSunterModel.Default)
    {
    }

    /// <summary>The weights in use.</summary>
    public FellegiSunterModel Model { get; } = model ?? throw new ArgumentNullException(nameof(model));

    /// <summary>Score with the per-field breakdown.</summary>
    public MatchScore Score(PersonProfile a, PersonProfile b) => Model.Explain(ProfileComparer.Compare(a, b));

    /// <summary>Total and conflict only; allocates nothing (for ranking many candidates).</summary>
    public PairScore ScoreQuickly(PersonProfile a, PersonProfile b) => Model.Weigh(ProfileComparer.Compare(a, b));
}
