using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization.Invocation;
using Orleans.Storage;
using OrleansHealth.Silo.Shutdown;

namespace OrleansHealth.Silo.Tests.Shutdown;

public sealed class TransientClusterErrorRetryTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly TransientClusterErrorRetry _retry;

    public TransientClusterErrorRetryTests() => _retry = new(_time, NullLogger<TransientClusterErrorRetry>.Instance);

    /// <summary>
    /// Runs the filter, moving the fake clock on until it is done (its pauses are on that clock). The clock moves until
    /// the call completes, not for a fixed number of steps: on a busy machine the retry's next pause may be scheduled
    /// after any fixed number of steps, and a pause on a clock that no longer moves never ends (a CI run hung here).
    /// A real-time deadline turns a filter that never completes into a failure instead.
    /// </summary>
    private async Task InvokeAsync(ScriptedCall call)
    {
        var invoking = _retry.Invoke(call);
        var deadline = Stopwatch.StartNew();
        while (!invoking.IsCompleted)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "the retry filter did not complete within 30 s of real time");
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(1);
        }

        await invoking;
    }

    [Fact]
    public async Task ACallTheLeavingSiloMissed_IsRetried_UntilItSucceeds()
    {
        var call = new ScriptedCall(new SiloUnavailableException("the target silo left"), new InconsistentStateException("lost the write"), null);

        await InvokeAsync(call);

        Assert.Equal(3, call.Attempts);
    }

    [Fact]
    public async Task AnApplicationError_IsNotRetried()
    {
        var call = new ScriptedCall(new InvalidOperationException("a bug"), null);

        await Assert.ThrowsAsync<InvalidOperationException>(() => InvokeAsync(call));
        Assert.Equal(1, call.Attempts);
    }

    [Fact]
    public async Task AFailureThatOutlastsTheRetries_ReachesTheCaller()
    {
        var failures = Enumerable.Range(0, 10).Select(_ => (Exception?)new SiloUnavailableException("still gone")).ToArray();
        var call = new ScriptedCall(failures);

        await Assert.ThrowsAsync<SiloUnavailableException>(() => InvokeAsync(call));
        Assert.Equal(TransientClusterErrorRetry.Pauses.Count + 1, call.Attempts);
    }

    /// <summary>A grain call whose attempts fail with the given exceptions in turn (null: succeeds).</summary>
    private sealed class ScriptedCall(params Exception?[] outcomes) : IOutgoingGrainCallContext
    {
        public int Attempts { get; private set; }

        public IGrainContext? SourceContext => null;

        public IInvokable Request => throw new NotSupportedException();

        public object Grain => this;

        public GrainId? SourceId => null;

        public GrainId TargetId => default;

        public GrainInterfaceType InterfaceType => default;

        public string InterfaceName => "IScriptedGrain";

        public string MethodName => "CallAsync";

        public MethodInfo InterfaceMethod => throw new NotSupportedException();

        public object? Result { get; set; }

        public Response? Response { get; set; }

        public Task Invoke() => outcomes[Attempts++] is { } failure ? Task.FromException(failure) : Task.CompletedTask;
    }
}
