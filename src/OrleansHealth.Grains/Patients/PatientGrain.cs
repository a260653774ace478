using OrleansHealth.Clinical.Profiles;
using OrleansHealth.Grains.Learning;
using OrleansHealth.Learning;
using OrleansHealth.Learning.Features;
using OrleansHealth.Learning.Scoring;
using OrleansHealth.Patients;

namespace OrleansHealth.Grains.Patients;

public sealed class PatientGrain(
    [PersistentState("patient", GrainStores.Main)] IPersistentState<PatientProfile> state,
    Pseudonyms pseudonyms,
    ScoringModelCache scoringModels) : Grain, IPatientGrain
{
    /// <summary>Answers per model, with the profile version and model version they were computed for.</summary>
    private readonly Dictionary<string, (long Profile, int Version, Prediction Answer)> predictions = new(StringComparer.Ordinal);

    public async Task<ApplyOutcome> ApplyAsync(PatientBatch batch)
    {
        var before = state.State.Version;
        var outcome = ProfileMerger.Apply(state.State, batch);
        // A pure replay changes nothing and is not written again: idempotency costs no I/O.
        if (state.State.Version != before)
        {
            predictions.Clear();
            await state.WriteStateAsync();
            await PublishTimelineAsync();
        }

        return outcome;
    }

    public Task<PatientProfile?> GetProfileAsync() => Task.FromResult(HasProfile ? state.State : null);

    public async Task<Prediction?> GetPredictionAsync(string model)
    {
        if (!HasProfile)
        {
            return null;
        }

        // A cached answer of another version than the silo's replicas score with is stale. Their last
        // confirmed version is read without a call while fresh; otherwise the local replica is asked.
        var predictor = GrainFactory.GetGrain<IPredictorGrain>(model);
        var active = scoringModels.TryGetActive(model, out var confirmed) ? confirmed : await predictor.GetVersionAsync();
        if (active is null)
        {
            return null;
        }

        if (predictions.TryGetValue(model, out var cached) && cached.Profile == state.State.Version && cached.Version == active)
        {
            return cached.Answer;
        }

        var answer = await predictor.PredictAsync(Timeline());
        if (answer is not null)
        {
            predictions[model] = (state.State.Version, answer.Version, answer);
        }

        return answer;
    }

    public Task<TreatmentRanking?> GetTreatmentsAsync(string model) =>
        HasProfile ? GrainFactory.GetGrain<IPredictorGrain>(model).RankTreatmentsAsync(Timeline()) : Task.FromResult<TreatmentRanking?>(null);

    private bool HasProfile => state.RecordExists || state.State.Version > 0;

    private ClinicalTimeline Timeline() => TimelineBuilder.From(state.State, pseudonyms.Of(this.GetPrimaryKeyString()));

    /// <summary>
    /// Hands the de-identified timeline to this patient's feature partition, so training sees the
    /// change. Awaited, so an acknowledged record is also in the learning data.
    /// </summary>
    private Task PublishTimelineAsync()
    {
        var timeline = Timeline();
        return GrainFactory.GetGrain<IFeaturePartitionGrain>(FeaturePartitions.Of(timeline.PseudonymousId)).UpsertAsync(timeline);
    }
}
