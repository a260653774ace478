using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrleansHealth.Silo.Shutdown;

namespace OrleansHealth.Silo.Tests.Shutdown;

public sealed class InFlightRequestsTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly ApplicationLifetime _lifetime = new(NullLogger<ApplicationLifetime>.Instance);

    private InFlightRequests Requests(int shutdownTimeoutSeconds)
    {
        var requests = new InFlightRequests(_lifetime, Options.Create(new HostOptions { ShutdownTimeout = TimeSpan.FromSeconds(shutdownTimeoutSeconds) }),
            _time, NullLogger<InFlightRequests>.Instance);
        requests.CutOffOnStop();
        return requests;
    }

    /// <summary>A request whose context records whether it was aborted.</summary>
    private static (DefaultHttpContext Context, AbortRecorder Abort) Request()
    {
        var context = new DefaultHttpContext();
        var abort = new AbortRecorder();
        context.Features.Set<IHttpRequestLifetimeFeature>(abort);
        return (context, abort);
    }

    [Fact]
    public async Task ARequestStillRunning_AfterTwoThirdsOfTheShutdownTimeout_IsAborted()
    {
        using var requests = Requests(shutdownTimeoutSeconds: 30);
        var release = new TaskCompletionSource();
        var (context, abort) = Request();
        var running = requests.RunAsync(context, _ => release.Task);

        _lifetime.StopApplication();
        _time.Advance(TimeSpan.FromSeconds(19.9));
        var abortedEarly = abort.Aborted;
        _time.Advance(TimeSpan.FromSeconds(0.1));
        var abortedAtTheBudget = abort.Aborted;
        release.SetResult();
        await running;

        Assert.False(abortedEarly);
        Assert.True(abortedAtTheBudget);
        Assert.Equal(0, requests.Count);
    }

    [Fact]
    public async Task ARequestThatFinishesWithinTheBudget_IsNotAborted()
    {
        using var requests = Requests(shutdownTimeoutSeconds: 30);
        var release = new TaskCompletionSource();
        var (context, abort) = Request();
        var running = requests.RunAsync(context, _ => release.Task);

        _lifetime.StopApplication();
        _time.Advance(TimeSpan.FromSeconds(5));
        release.SetResult();
        await running;
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.False(abort.Aborted);
    }

    [Fact]
    public async Task NothingIsAborted_WhileTheApplicationRuns()
    {
        using var requests = Requests(shutdownTimeoutSeconds: 30);
        var release = new TaskCompletionSource();
        var (context, abort) = Request();
        var running = requests.RunAsync(context, _ => release.Task);

        _time.Advance(TimeSpan.FromMinutes(5));
        var count = requests.Count;
        release.SetResult();
        await running;

        Assert.False(abort.Aborted);
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task ARequestArrivingAfterTheCutoff_IsAbortedWithoutRunning()
    {
        using var requests = Requests(shutdownTimeoutSeconds: 3);
        _lifetime.StopApplication();
        _time.Advance(TimeSpan.FromSeconds(2));
        var (context, abort) = Request();
        var ran = false;

        await requests.RunAsync(context, _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        Assert.True(abort.Aborted);
        Assert.False(ran);
    }

    private sealed class AbortRecorder : IHttpRequestLifetimeFeature
    {
        public bool Aborted { get; private set; }

        public CancellationToken RequestAborted { get; set; }

        public void Abort() => Aborted = true;
    }
}
