using OrleansHealth.Silo.Audit;

namespace OrleansHealth.Silo.Tests.Audit;

public sealed class GroupWriterTests
{
    [Fact]
    public async Task CallersArrivingDuringAWrite_ShareTheNextOne_AndEachWaitsForItsOwn()
    {
        var writes = new List<int[]>();
        var firstWrite = new TaskCompletionSource();
        var writer = new GroupWriter<int>(async (items, _) =>
        {
            lock (writes)
            {
                writes.Add([.. items]);
            }

            if (writes.Count == 1)
            {
                await firstWrite.Task;
            }
        });

        var first = writer.WriteAsync([1]);
        await Eventually.ReturnsAsync(() => Task.FromResult(writes.Count), n => n == 1, TimeSpan.FromSeconds(5), "the first write to start");
        var waiting = Enumerable.Range(2, 10).Select(i => writer.WriteAsync([i])).ToList();

        Assert.False(first.IsCompleted);
        Assert.All(waiting, t => Assert.False(t.IsCompleted));
        firstWrite.SetResult();
        await Task.WhenAll(waiting.Append(first));

        Assert.Equal(2, writes.Count);
        Assert.Equal(Enumerable.Range(2, 10), writes[1].Order());
    }

    [Fact]
    public async Task AFailedWrite_FailsItsCallers_AndTheNextWriteIsAttempted()
    {
        var fail = true;
        var writer = new GroupWriter<string>((_, _) => fail ? Task.FromException(new IOException("disk full")) : Task.CompletedTask);

        var error = await Assert.ThrowsAsync<IOException>(() => writer.WriteAsync(["a"]));
        fail = false;
        await writer.WriteAsync(["b"]);

        Assert.Equal("disk full", error.Message);
    }
}
