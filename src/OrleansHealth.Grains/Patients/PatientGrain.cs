using OrleansHealth.Clinical.Profiles;
using OrleansHealth.Patients;

namespace OrleansHealth.Grains.Patients;

public sealed class PatientGrain(
    [PersistentState("patient", GrainStores.Main)] IPersistentState<PatientProfile> state) : Grain, IPatientGrain
{
    public async Task<ApplyOutcome> ApplyAsync(PatientBatch batch)
    {
        var before = state.State.Version;
        var outcome = ProfileMerger.Apply(state.State, batch);
        // A pure replay changes nothing and is not written again: idempotency costs no I/O.
        if (state.State.Version != before)
        {
            await state.WriteStateAsync();
        }

        return outcome;
    }

    public Task<PatientProfile?> GetProfileAsync() =>
        Task.FromResult(state.RecordExists || state.State.Version > 0 ? state.State : null);
}
