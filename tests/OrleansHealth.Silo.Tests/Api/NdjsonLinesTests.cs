using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Http;
using OrleansHealth.Silo.Api;

namespace OrleansHealth.Silo.Tests.Api;

public sealed class NdjsonLinesTests
{
    /// <summary>A reader whose segments are a few bytes long, so that lines straddle them.</summary>
    private static NdjsonLines Over(string body, int segment = 5) =>
        new(PipeReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(body)), new StreamPipeReaderOptions(bufferSize: segment, minimumReadSize: 1)));

    /// <summary>Reads the body in blocks of <paramref name="block"/> lines: the lines of each block, as text.</summary>
    private static async Task<List<List<string>>> BlocksAsync(NdjsonLines lines, int block)
    {
        var blocks = new List<List<string>>();
        bool more;
        do
        {
            var taken = new List<string>();
            more = await lines.ReadAsync((number, json) =>
            {
                taken.Add($"{number}:{Encoding.UTF8.GetString(json)}");
                return taken.Count < block;
            }, CancellationToken.None);
            blocks.Add(taken);
        }
        while (more);

        return blocks;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(64)]
    public async Task Lines_KeepTheirNumbers_BlankOnesSkipped(int segment)
    {
        var blocks = await BlocksAsync(Over("{\"a\":1}\n\n  \r\n{\"features\":[1,2,3]}\r\n\t\n{\"b\":\"last\"}", segment), block: 100);

        Assert.Equal([["1:{\"a\":1}", "4:{\"features\":[1,2,3]}\r", "6:{\"b\":\"last\"}"]], blocks);
    }

    [Fact]
    public async Task Blocks_StopWhereTheTakerIsFull_AndGoOnFromThere()
    {
        var body = string.Join("\n", Enumerable.Range(1, 7).Select(i => $"{{\"n\":{i}}}")) + "\n";

        var blocks = await BlocksAsync(Over(body), block: 3);

        Assert.Equal([[1, 2, 3], [4, 5, 6], [7]], blocks.Select(b => b.Select(l => int.Parse(l.Split(':')[0])).ToList()));
    }

    [Fact]
    public async Task ABlockEndingTheBody_IsFollowedByAnEmptyOne()
    {
        var blocks = await BlocksAsync(Over("{}\n{}\n"), block: 2);

        Assert.Equal([2, 0], blocks.Select(b => b.Count));
    }

    [Fact]
    public async Task ALineLongerThanTheLimit_IsA413()
    {
        var lines = Over("{}\n" + new string(' ', NdjsonLines.MaxLineBytes + 1), segment: 1 << 16);

        var e = await Assert.ThrowsAsync<BadHttpRequestException>(() => BlocksAsync(lines, block: 100));

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, e.StatusCode);
        Assert.Contains("Line 2 ", e.Message, StringComparison.Ordinal);
    }
}
