using System.Collections.Concurrent;

namespace OrleansHealth.Grains.Identity;

/// <summary>The embedded mode's claims: a map of this process. Share one instance between the silos of a test cluster.</summary>
public sealed class InMemoryIdentityClaimStore : IIdentityClaimStore
{
    private readonly ConcurrentDictionary<string, string> holders = new(StringComparer.Ordinal);

    public Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (holders.TryGetValue(key, out var holder))
            {
                found[key] = holder;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, string>>(found);
    }

    public Task<IReadOnlyDictionary<string, string>> ClaimAsync(IReadOnlyDictionary<string, string> claims, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, patientId) in claims)
        {
            result[key] = holders.GetOrAdd(key, patientId);
        }

        return Task.FromResult<IReadOnlyDictionary<string, string>>(result);
    }
}
