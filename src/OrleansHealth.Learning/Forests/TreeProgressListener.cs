using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace OrleansHealth.Learning.Forests;

/// <summary>
/// Per-tree progress and cancellation for ML.NET's FastTree loop, which offers neither: it writes one
/// trace message (<c>"numTotalTrees left: …"</c>) through <see cref="MLContext.Log"/> before growing each
/// tree, on the training thread. Counting those gives progress; throwing
/// <see cref="OperationCanceledException"/> from the handler stops training before the next tree.
/// </summary>
/// <remarks>
/// This leans on an undocumented log line. If a future ML.NET stops writing it, progress degrades to the
/// trainer's own 0 and 1 and cancellation to the checks before and after training; nothing breaks.
/// </remarks>
internal sealed class TreeProgressListener
{
    private const string TreeStartMessage = "numTotalTrees left";

    /// <summary>Share of the progress range given to growing trees; the rest is binning and export.</summary>
    private const double TreeShare = 0.9;

    private readonly int _trees;
    private readonly IProgress<double>? _progress;
    private readonly CancellationToken _ct;
    private int _started;

    public TreeProgressListener(int trees, IProgress<double>? progress, CancellationToken ct)
    {
        _trees = trees;
        _progress = progress;
        _ct = ct;
    }

    /// <summary>Whether cancellation was observed while trees were being grown.</summary>
    public bool Canceled { get; private set; }

    /// <summary>Handler for <see cref="MLContext.Log"/>.</summary>
    public void OnLog(object? sender, LoggingEventArgs e)
    {
        if (e.Kind != ChannelMessageKind.Trace || !e.RawMessage.StartsWith(TreeStartMessage, StringComparison.Ordinal))
        {
            return;
        }

        if (_ct.IsCancellationRequested)
        {
            Canceled = true;
            throw new OperationCanceledException(_ct);
        }

        // The message comes before a tree is grown, so the trees finished are one fewer than those started.
        var finished = Math.Min(_started, _trees);
        _started++;
        _progress?.Report(TreeShare * finished / _trees);
    }
}
