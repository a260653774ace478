using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using Orleans.Runtime;
using Orleans.Serialization;
using OrleansHealth.Persistence;
using OrleansHealth.Silo.Persistence;

namespace OrleansHealth.Silo.Api;

/// <summary>
/// Turns "a dependency is down for now" into 503 with a Retry-After instead of a 500: the database
/// unreachable or restarting, a silo leaving in the middle of a call, or a call timing out. Such a request changed
/// nothing it acknowledged (acknowledgements come only after everything is written), so the client
/// may simply send it again; the silo itself recovers when the dependency is back.
/// </summary>
public sealed class UnavailableDependencyHandler(IProblemDetailsService problems, ILogger<UnavailableDependencyHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client should wait before sending the request again.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (Describe(exception) is not { } what || context.Response.HasStarted)
        {
            return false;
        }

        logger.LogWarning("Answered 503 to {Method} {Path}: {Dependency} unavailable ({Error})",
            context.Request.Method, context.Request.Path, what, exception.GetType().Name);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Temporarily unavailable",
                Detail = $"The {what} is not reachable at the moment. Nothing from this request was acknowledged; " +
                         $"send it again after {RetryAfterSeconds} seconds.",
            },
        });
    }

    /// <summary>What is unavailable, or null when the exception is not about an unavailable dependency.</summary>
    public static string? Describe(Exception exception)
    {
        foreach (var e in Chain(exception))
        {
            switch (e)
            {
                case Audit.AuditTrailUnavailableException:
                    return "audit trail";
                case NpgsqlException npgsql when DatabaseErrors.IsOutage(npgsql):
                // The same, met by a grain on another silo (DatabaseErrorFilter).
                case DatabaseException { IsOutage: true }:
                    return "database";
                // An exception from another silo whose type was not deserialized keeps its type's name.
                case UnavailableExceptionFallbackException fallback when fallback.ExceptionType?.StartsWith("Npgsql.", StringComparison.Ordinal) == true:
                    return "database";
                case SiloUnavailableException:
                    return "silo serving part of this request";
                // A grain call that outlived its response timeout: the cluster is overloaded or a
                // silo is failing. Every step of a request is idempotent, so a retry is safe.
                case TimeoutException:
                    return "cluster (a call timed out)";
            }
        }

        return null;
    }

    /// <summary>The exception and everything it wraps (inner exceptions, each of an aggregate's).</summary>
    public static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
