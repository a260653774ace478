using OrleansHealth.Identity;

namespace OrleansHealth.Grains.Identity;

public sealed class IdentityClaimGrain(
    [PersistentState("identityclaim", GrainStores.Main)] IPersistentState<ClaimState> state) : Grain, IIdentityClaimGrain
{
    public Task<string?> GetAsync() => Task.FromResult(state.State.PatientId);

    public async Task<string> ClaimAsync(string patientId)
    {
        if (state.State.PatientId is { } holder)
        {
            return holder;
        }

        state.State.PatientId = patientId;
        await state.WriteStateAsync();
        return patientId;
    }
}
