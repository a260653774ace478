using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace OrleansHealth.Silo.Tests.Cluster;

/// <summary>
/// A request body sent in slices with a pause after each, so the request lasts at least
/// <c>slices × pause</c> however fast the server is: a test can then act while it is surely in flight.
/// </summary>
public sealed class PacedContent : HttpContent
{
    private readonly IReadOnlyList<byte[]> _slices;
    private readonly TimeSpan _pause;
    private readonly TaskCompletionSource _firstSliceSent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PacedContent(string body, string contentType, int slices, TimeSpan pause)
    {
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var perSlice = (lines.Length + slices - 1) / slices;
        _slices = [.. lines.Chunk(perSlice).Select(chunk => Encoding.UTF8.GetBytes(string.Concat(chunk.Select(line => line + "\n"))))];
        _pause = pause;
        Headers.ContentType = new MediaTypeHeaderValue(contentType);
    }

    /// <summary>Completes once the first slice has reached the server's socket.</summary>
    public Task FirstSliceSent => _firstSliceSent.Task;

    public int Slices => _slices.Count;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        foreach (var slice in _slices)
        {
            await stream.WriteAsync(slice);
            await stream.FlushAsync();
            _firstSliceSent.TrySetResult();
            await Task.Delay(_pause);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
