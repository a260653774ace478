namespace OrleansHealth.Grains.Learning;

/// <summary>
/// Lets many callers of a reentrant grain share one state write: a caller that arrives while a write
/// is in flight waits for the next one, which then carries every change made meanwhile. Every caller
/// still returns only after a write that includes its change. Grain turns are single-threaded, so
/// no locks are needed.
/// </summary>
internal sealed class GroupCommit(Func<Task> write)
{
    private Task? current;
    private Task? next;

    public Task CommitAsync()
    {
        if (current is null)
        {
            current = WriteAsync();
            return current;
        }

        return next ??= WriteAfterCurrentAsync();
    }

    private async Task WriteAsync()
    {
        // The bookkeeping relies on a write never completing synchronously: otherwise its `finally` would
        // clear `current` before CommitAsync assigns it, and later callers would wait on a finished write.
        await Task.Yield();
        try
        {
            await write();
        }
        finally
        {
            current = null;
        }
    }

    private async Task WriteAfterCurrentAsync()
    {
        try
        {
            await current!;
        }
        catch
        {
            // That write's failure is reported to its own callers; this write is attempted regardless.
        }

        next = null;
        current = WriteAsync();
        await current;
    }
}
