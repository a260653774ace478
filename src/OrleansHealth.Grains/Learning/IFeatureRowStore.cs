using OrleansHealth.Learning.Features;

namespace OrleansHealth.Grains.Learning;

/// <summary>
/// Where the feature partitions keep their de-identified timelines durably: one row per patient, so that
/// a patient's change costs one row's write. (Kept as one grain state, every change rewrote the whole
/// partition; writing 120,000 timelines took minutes and grew quadratically with the population.)
/// </summary>
public interface IFeatureRowStore
{
    /// <summary>Every timeline stored for <paramref name="partition"/>.</summary>
    Task<IReadOnlyList<ClinicalTimeline>> LoadAsync(int partition, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the given timelines of <paramref name="partition"/> (keyed by pseudonymous id) in one write.</summary>
    Task UpsertAsync(int partition, IReadOnlyCollection<ClinicalTimeline> timelines, CancellationToken cancellationToken = default);
}
