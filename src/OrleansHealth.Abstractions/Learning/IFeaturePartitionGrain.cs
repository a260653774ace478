using OrleansHealth.Learning.Features;
using OrleansHealth.Learning.Privacy;

namespace OrleansHealth.Learning;

/// <summary>
/// One of <see cref="FeaturePartitions.Count"/> partitions of the de-identified learning data, keyed by
/// partition index. Patient grains upsert their timeline when their profile changes; a training version
/// asks every partition for its rows of one model definition, in parallel.
/// </summary>
public interface IFeaturePartitionGrain : IGrainWithIntegerKey
{
    /// <summary>Stores or replaces one patient's timeline; returns once it is persisted.</summary>
    Task UpsertAsync(ClinicalTimeline timeline);

    /// <summary>The feature rows and outcomes of the model's cohort in this partition.</summary>
    Task<PartitionExtract> ExtractAsync(ModelDefinition definition);

    /// <summary>
    /// The model's cohort in this partition as de-identified export rows (Safe Harbor), in pseudonym order;
    /// <paramref name="today"/> is the reference date for a patient with no dated fact.
    /// </summary>
    Task<IReadOnlyList<DeidentifiedRow>> ExportAsync(ModelDefinition definition, DateOnly today);

    /// <summary>How many patients this partition holds.</summary>
    Task<int> CountAsync();
}
