using System.Runtime.ExceptionServices;
using OrleansHealth.Learning.Data;

namespace OrleansHealth.Learning.Forests.Histogram;

/// <summary>
/// A classic (Breiman) random forest in plain C#, histogram-based: each feature is cut once into at most
/// <see cref="RandomForestSettings.MaxBins"/> quantile bins, then every tree is grown on its own bootstrap
/// sample, choosing the best Gini split among a fresh random subset of features at every node, until its
/// leaves are pure or a limit stops it. A leaf's value is the (bootstrap-weighted) share of positives in
/// it, and the forest's probability is the mean over trees, as scikit-learn's <c>predict_proba</c>.
/// </summary>
/// <remarks>
/// Thresholds are exact: every split is written as a float threshold that sends each training row the
/// same way as its binned test did. Same data and settings give identical trees whatever
/// <see cref="RandomForestSettings.Threads"/> is, because each tree draws from its own generator seeded
/// by (<see cref="RandomForestSettings.Seed"/>, tree index).
/// </remarks>
public static class RandomForestTrainer
{
    /// <summary>Trains a forest of <see cref="RandomForestSettings.Trees"/> trees on <paramref name="training"/>.</summary>
    /// <param name="training">Rows with finite values (impute missing ones first) and both labels present.</param>
    /// <param name="settings">How to grow the forest; see <see cref="RandomForestSettings.Validate"/>.</param>
    /// <param name="progress">Told the fraction of trees done after each tree (from the training threads).</param>
    /// <param name="ct">Checked between trees and every thousand or so nodes within one.</param>
    /// <exception cref="ArgumentException">No rows or columns, a single class, a non-finite value, or invalid settings.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public static Forest Train(
        FeatureMatrix training,
        RandomForestSettings settings,
        IProgress<double>? progress = null,
        CancellationToken ct = default) =>
        Run(training, settings, bootstrap: true, keepCounts: false, progress, ct).Forest;

    /// <summary>
    /// <see cref="Train"/> with what tests need to look inside: the binned matrix, each node's binned
    /// split and (when <paramref name="keepCounts"/>) each tree's bootstrap counts. <paramref name="bootstrap"/>
    /// false trains every tree on every row exactly once.
    /// </summary>
    internal static TrainingRun Run(
        FeatureMatrix training,
        RandomForestSettings settings,
        bool bootstrap,
        bool keepCounts,
        IProgress<double>? progress,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(settings));
        }

        TrainingDataChecks.Check(training, nameof(training));
        var width = training.Columns;
        var maxFeatures = settings.MaxFeatures ?? Math.Max(1, (int)Math.Round(Math.Sqrt(width)));
        if (maxFeatures > width)
        {
            throw new ArgumentException($"MaxFeatures is {maxFeatures}, but the training data has only {width} features.", nameof(settings));
        }

        ct.ThrowIfCancellationRequested();
        var bins = BinnedMatrix.Build(training, settings.MaxBins, settings.Threads);
        var options = new GrowOptions(
            maxFeatures,
            settings.MinSamplesLeaf,
            settings.MinSamplesSplit,
            settings.MaxDepth ?? int.MaxValue,
            Math.Max(1, (int)Math.Round(settings.SampleFraction * training.Rows)),
            settings.Seed,
            bootstrap);

        var grown = new GrownTree[settings.Trees];
        var workers = Math.Min(settings.Threads, settings.Trees);
        if (workers == 1)
        {
            var grower = new TreeGrower(bins, training.Labels, options);
            for (var t = 0; t < grown.Length; t++)
            {
                ct.ThrowIfCancellationRequested();
                grown[t] = grower.Grow(t, keepCounts, ct);
                progress?.Report((t + 1) / (double)grown.Length);
            }
        }
        else
        {
            GrowInParallel(bins, training.Labels, options, grown, workers, keepCounts, progress, ct);
        }

        var trees = new DecisionTree[grown.Length];
        for (var t = 0; t < trees.Length; t++)
        {
            trees[t] = grown[t].Tree;
        }

        return new TrainingRun(new Forest(trees, width), bins, grown);
    }

    /// <summary>
    /// Grows the trees on <paramref name="workers"/> threads (the calling one included), each taking the
    /// next tree number in turn; a tree's result depends only on its number, so the order threads pick
    /// trees in does not matter. The first failure stops the others and is rethrown as it was.
    /// </summary>
    private static void GrowInParallel(
        BinnedMatrix bins,
        bool[] labels,
        GrowOptions options,
        GrownTree[] grown,
        int workers,
        bool keepCounts,
        IProgress<double>? progress,
        CancellationToken ct)
    {
        var next = -1;
        var done = 0;
        var stop = false;
        Exception? failure = null;
        var gate = new object();

        void Work()
        {
            try
            {
                var grower = new TreeGrower(bins, labels, options);
                while (!Volatile.Read(ref stop))
                {
                    ct.ThrowIfCancellationRequested();
                    var t = Interlocked.Increment(ref next);
                    if (t >= grown.Length)
                    {
                        return;
                    }

                    grown[t] = grower.Grow(t, keepCounts, ct);
                    lock (gate)
                    {
                        done++;
                        progress?.Report(done / (double)grown.Length);
                    }
                }
            }
            catch (Exception e)
            {
                lock (gate)
                {
                    failure ??= e;
                }

                Volatile.Write(ref stop, true);
            }
        }

        var threads = new Thread[workers - 1];
        for (var w = 0; w < threads.Length; w++)
        {
            threads[w] = new Thread(Work) { IsBackground = true, Name = $"random-forest-{w + 1}" };
            threads[w].Start();
        }

        Work();
        foreach (var thread in threads)
        {
            thread.Join();
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }
}

/// <summary>A trained forest with the binned matrix and per-tree details it was grown from.</summary>
internal sealed record TrainingRun(Forest Forest, BinnedMatrix Bins, GrownTree[] Trees);
