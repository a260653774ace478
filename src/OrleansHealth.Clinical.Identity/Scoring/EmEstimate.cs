namespace OrleansHealth.Clinical.Identity.Scoring;

/// <summary>The result of <see cref="FellegiSunterEstimator.Estimate"/>.</summary>
/// <param name="Model">The start model with re-estimated m (and u) probabilities; effects and groups kept.</param>
/// <param name="MatchShare">Estimated share of true matches among the pairs.</param>
/// <param name="Iterations">EM iterations run.</param>
/// <param name="Converged">True when the largest parameter change fell below the tolerance.</param>
public sealed record EmEstimate(FellegiSunterModel Model, double MatchShare, int Iterations, bool Converged);
