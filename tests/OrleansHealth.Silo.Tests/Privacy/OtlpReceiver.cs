using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OrleansHealth.Silo.Tests.Privacy;

/// <summary>
/// An OTLP/HTTP endpoint that keeps what a silo exports (<c>/v1/traces</c>, <c>/v1/logs</c>, <c>/v1/metrics</c>) as
/// the exporter sent it: what the test scans is exactly what would reach a tracing backend.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentBag<(string Signal, byte[] Body)> _received = [];

    private OtlpReceiver(WebApplication app, int port)
    {
        _app = app;
        Endpoint = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Endpoint { get; }

    public static async Task<OtlpReceiver> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(port));
        var app = builder.Build();
        var receiver = new OtlpReceiver(app, port);
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            receiver._received.Add((signal, body.ToArray()));
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>The texts of every message received for <paramref name="signal"/> (traces, logs, metrics).</summary>
    public List<string> Texts(string signal) => [.. _received.Where(r => r.Signal == signal).SelectMany(r => ProtobufStrings.Extract(r.Body))];

    public int Messages(string signal) => _received.Count(r => r.Signal == signal);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
