using Orleans.Concurrency;
using OrleansHealth.Learning.Features;
using OrleansHealth.Learning.Scoring;

namespace OrleansHealth.Learning;

/// <summary>
/// The per-silo replica of a model's active version (keyed by model name): stateless workers that
/// share the silo's one copy of the compiled forest, follow promotions within a second, and score
/// locally. Batches large
/// enough are scattered to the version's shards, whose partial vote sums are added with the same
/// function the local forest uses.
/// </summary>
public interface IPredictorGrain : IGrainWithStringKey
{
    /// <summary>The active version this replica scores with, or null when the model has none.</summary>
    Task<int?> GetVersionAsync();

    /// <summary>The features a raw row of the active version has, in order; null when the model has no active version.</summary>
    Task<IReadOnlyList<string>?> GetFeaturesAsync();

    /// <summary>Probability and explanation for a patient's timeline; null when the model has no active version.</summary>
    Task<Prediction?> PredictAsync(ClinicalTimeline timeline);

    /// <summary>The model's candidate treatments ranked for a patient; null when the model has no active version.</summary>
    Task<TreatmentRanking?> RankTreatmentsAsync(ClinicalTimeline timeline);

    /// <summary>Probabilities of raw feature rows (row-major, one value per feature of the definition); null when the model has no active version.</summary>
    Task<BatchScores?> ScoreAsync(float[] rawRows, int rows);
}
