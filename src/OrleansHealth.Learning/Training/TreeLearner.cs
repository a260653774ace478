namespace OrleansHealth.Learning.Training;

/// <summary>Which algorithm grows a shard's trees.</summary>
[GenerateSerializer, Alias("oh.learning.TreeLearner")]
public enum TreeLearner
{
    /// <summary>ML.NET's FastForest: best-first trees up to a leaf budget, per-tree feature sampling, bagging without replacement.</summary>
    FastForest = 0,

    /// <summary>Breiman's forest as scikit-learn grows it (<c>RandomForestTrainer</c>): bootstrap samples, a random feature subset at every split, trees grown until pure.</summary>
    Classic = 1,
}
