using Microsoft.Extensions.DependencyInjection;
using OrleansHealth.Clinical.Quality;
using OrleansHealth.Grains.Telemetry;
using OrleansHealth.Sources;

namespace OrleansHealth.Grains.Sources;

public sealed class DataSourceGrain(
    [PersistentState("datasource", GrainStores.Main)] IPersistentState<DataSourceState> state,
    [FromKeyedServices(HealthTime.Key)] TimeProvider time) : Grain, IDataSourceGrain
{
    public async Task<bool> RegisterAsync(SourceRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var sourceId = this.GetPrimaryKeyString();
        var isNew = state.State.Registration is null;
        var now = time.GetUtcNow();

        state.State.Registration = registration;
        state.State.UpdatedAt = now;
        if (isNew)
        {
            state.State.RegisteredAt = now;
        }

        await state.WriteStateAsync();
        // The directory is told after our own write, so a listed id always resolves to a registration.
        await GrainFactory.GetGrain<ISourceDirectoryGrain>(ISourceDirectoryGrain.Key).AddAsync(sourceId);

        HealthTelemetry.SourceRegistrations.Add(1, new KeyValuePair<string, object?>("source", sourceId));
        return isNew;
    }

    public Task<SourceDetails?> GetAsync()
    {
        var s = state.State;
        var details = s.Registration is null
            ? null
            : new SourceDetails(this.GetPrimaryKeyString(), s.Registration, s.RegisteredAt, s.UpdatedAt, Statistics(s.Quality));
        return Task.FromResult(details);
    }

    public async Task RecordAsync(IngestTally tally)
    {
        state.State.Quality.Add(tally);
        await state.WriteStateAsync();
    }

    public async Task<bool> AddKeyAsync(FeedKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (state.State.Registration is null)
        {
            return false;
        }

        state.State.Keys.Add(key);
        await state.WriteStateAsync();
        return true;
    }

    public async Task<bool> RevokeKeyAsync(string keyId)
    {
        if (state.State.Keys.RemoveAll(k => k.Id == keyId) == 0)
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }

    public Task<string?> FindKeyAsync(string hash)
    {
        // Every key is compared, in constant time, so the answer's timing says nothing about how close a guess came.
        var given = System.Text.Encoding.ASCII.GetBytes(hash);
        string? found = null;
        foreach (var key in state.State.Keys)
        {
            if (System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(given, System.Text.Encoding.ASCII.GetBytes(key.Hash)))
            {
                found = key.Id;
            }
        }

        return Task.FromResult(found);
    }

    private static SourceStatistics Statistics(SourceQuality q) => new(
        q.Received, q.Accepted, q.Duplicates, q.Rejected, q.Skipped, q.Patients.Estimate(), q.LastSeen,
        q.Completeness(), new Dictionary<string, long>(q.FailuresByRule), q.DuplicateRate, q.Score(), [.. q.History.Buckets]);
}
