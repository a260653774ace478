using OrleansHealth.Learning.Data;

namespace OrleansHealth.Learning.Training;

/// <summary>The training and held-out rows of a version, or the problems that stop it.</summary>
public sealed record DatasetSplit(FeatureMatrix Training, FeatureMatrix Holdout, IReadOnlyList<string> Problems);
