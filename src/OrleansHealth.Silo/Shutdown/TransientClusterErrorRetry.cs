using Orleans.Storage;

namespace OrleansHealth.Silo.Shutdown;

/// <summary>
/// Retries a grain call that failed only because the cluster was changing shape, as it does in a rolling
/// restart: the target silo was leaving and turned the message away unprocessed ("Silo stopping"), it left
/// with the call still pending (<see cref="SiloUnavailableException"/>), or two activations of a grain
/// briefly overlapped while the directory moved and this one lost its state write
/// (<see cref="InconsistentStateException"/>; Orleans deactivates it, so the retry meets the current state).
/// Each ends with the grain placed anew, so a retry moments later succeeds. Without this, such a failure
/// fails the request on a healthy silo (500, or 503 for a silo that left), and the client's one retry may
/// land on the silo that is restarting. A retry here is no riskier than the client's: ingestion is
/// idempotent by record id.
/// </summary>
public sealed partial class TransientClusterErrorRetry(TimeProvider time, ILogger<TransientClusterErrorRetry> logger) : IOutgoingGrainCallFilter
{
    /// <summary>Pauses before each retry: about two seconds in all, which a graceful leave needs to settle.</summary>
    public static readonly IReadOnlyList<TimeSpan> Pauses = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1500)];

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await context.Invoke();
                return;
            }
            catch (Exception ex) when (attempt < Pauses.Count && IsTransient(ex))
            {
                LogRetrying(logger, context.InterfaceName, context.MethodName, ex.GetType().Name, attempt + 1);
                await Task.Delay(Pauses[attempt], time);
            }
        }
    }

    public static bool IsTransient(Exception exception) =>
        exception is OrleansMessageRejectionException or SiloUnavailableException or InconsistentStateException;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Interface}.{Method} failed with {Exception} while the cluster changes; retry {Attempt}.")]
    private static partial void LogRetrying(ILogger logger, string @interface, string method, string exception, int attempt);
}
