using System.Collections.Concurrent;
using System.Globalization;

namespace OrleansHealth.Cli.Bench;

/// <summary>
/// Counts the requests that failed, by HTTP status, as they pass. It sits under <see cref="Connection.ClusterClient"/>
/// because the client's exceptions carry an exit code, which folds 502, 503 and 504 together, and a benchmark wants
/// the status itself. A request that got no answer is counted as "unreachable".
/// </summary>
public sealed class StatusTally : DelegatingHandler
{
    public const string Unreachable = "unreachable";

    private readonly ConcurrentDictionary<string, int> failures = new();

    public StatusTally()
        : base(new SocketsHttpHandler())
    {
    }

    /// <summary>Failures so far, by status, in status order.</summary>
    public IReadOnlyDictionary<string, int> Failures => new SortedDictionary<string, int>(failures, StringComparer.Ordinal);

    public void Clear() => failures.Clear();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException)
        {
            failures.AddOrUpdate(Unreachable, 1, (_, n) => n + 1);
            throw;
        }

        if (!response.IsSuccessStatusCode)
        {
            failures.AddOrUpdate(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
        }

        return response;
    }
}
