using OrleansHealth.Clinical.Profiles;
using OrleansHealth.Learning;
using OrleansHealth.Learning.Features;
using OrleansHealth.Patients;

namespace OrleansHealth.Grains.Patients;

public sealed class PatientGrain(
    [PersistentState("patient", GrainStores.Main)] IPersistentState<PatientProfile> state,
    Pseudonyms pseudonyms) : Grain, IPatientGrain
{
    public async Task<ApplyOutcome> ApplyAsync(PatientBatch batch)
    {
        var before = state.State.Version;
        var outcome = ProfileMerger.Apply(state.State, batch);
        // A pure replay changes nothing and is not written again: idempotency costs no I/O.
        if (state.State.Version != before)
        {
            await state.WriteStateAsync();
            await PublishTimelineAsync();
        }

        return outcome;
    }

    public Task<PatientProfile?> GetProfileAsync() =>
        Task.FromResult(state.RecordExists || state.State.Version > 0 ? state.State : null);

    /// <summary>
    /// Hands the de-identified timeline to this patient's feature partition, so training sees the
    /// change. Awaited, so an acknowledged record is also in the learning data.
    /// </summary>
    private Task PublishTimelineAsync()
    {
        var pseudonym = pseudonyms.Of(this.GetPrimaryKeyString());
        var partition = GrainFactory.GetGrain<IFeaturePartitionGrain>(FeaturePartitions.Of(pseudonym));
        return partition.UpsertAsync(TimelineBuilder.From(state.State, pseudonym));
    }
}
