namespace OrleansHealth.Silo.Audit;

/// <summary>
/// Lets concurrent callers share one durable write: items that arrive while a write is in flight go
/// together into the next one. Every caller's task completes only after a write that holds its items
/// (or fails with that write's error). Sixty-four readers then cost a handful of fsyncs or INSERTs,
/// not sixty-four.
/// </summary>
public sealed class GroupWriter<T>(Func<IReadOnlyList<T>, CancellationToken, Task> write)
{
    private readonly Lock gate = new();
    private List<(IReadOnlyList<T> Items, TaskCompletionSource Done)> queue = [];
    private bool writing;

    public Task WriteAsync(IReadOnlyList<T> items)
    {
        if (items.Count == 0)
        {
            return Task.CompletedTask;
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (gate)
        {
            queue.Add((items, done));
            start = !writing;
            writing = true;
        }

        if (start)
        {
            _ = Task.Run(DrainAsync);
        }

        return done.Task;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            List<(IReadOnlyList<T> Items, TaskCompletionSource Done)> batch;
            lock (gate)
            {
                if (queue.Count == 0)
                {
                    writing = false;
                    return;
                }

                (batch, queue) = (queue, []);
            }

            try
            {
                await write([.. batch.SelectMany(b => b.Items)], CancellationToken.None);
                batch.ForEach(b => b.Done.TrySetResult());
            }
            catch (Exception ex)
            {
                batch.ForEach(b => b.Done.TrySetException(ex));
            }
        }
    }
}
