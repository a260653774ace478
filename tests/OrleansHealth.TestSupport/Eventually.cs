namespace OrleansHealth.TestSupport;

/// <summary>Awaits a condition with a deadline instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> isDone, TimeSpan deadline, string what)
    {
        var until = DateTime.UtcNow + deadline;
        T last = default!;
        Exception? lastError = null;
        while (DateTime.UtcNow < until)
        {
            try
            {
                last = await probe();
                if (isDone(last))
                {
                    return last;
                }
                lastError = null;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                lastError = ex;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException($"Timed out after {deadline} waiting for {what}; last value: {last}", lastError);
    }
}
