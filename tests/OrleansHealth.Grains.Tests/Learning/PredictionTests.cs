using System.Text;
using OrleansHealth.Clinical.Formats.Csv;
using OrleansHealth.Grains.Tests.Ingestion;
using OrleansHealth.Identity;
using OrleansHealth.Learning;
using OrleansHealth.Learning.Training;
using OrleansHealth.Patients;
using OrleansHealth.Sources;
using OrleansHealth.TestSupport;

namespace OrleansHealth.Grains.Tests.Learning;

/// <summary>Patient predictions through the per-silo predictors: explanations, caching, promotion, scatter-gather.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PredictionTests(ClusterFixture fixture)
{
    private const string Source = "pima-predict";
    private const string Model = "pima-predict-model";

    private readonly IngestHarness _ingest = new(fixture, chunkSize: 500);

    private async Task<int> TrainedVersionAsync(int seed)
    {
        var model = fixture.Grains.GetGrain<IModelGrain>(Model);
        var outcome = await model.TrainAsync(new TrainingRequest(Trees: 24, Shards: 3, Seed: seed));
        Assert.Empty(outcome.Problems);
        var version = fixture.Grains.GetGrain<IModelVersionGrain>(ShardKeys.Version(Model, outcome.Version!.Value));
        await Eventually.ReturnsAsync(version.GetStatusAsync, s => s!.State == VersionState.Completed, TimeSpan.FromMinutes(2), "the version to complete");
        return outcome.Version.Value;
    }

    private async Task<IPatientGrain> PatientAsync(string localId)
    {
        var id = await fixture.PatientOfAsync(Source, localId);
        return fixture.Grains.GetGrain<IPatientGrain>(id!);
    }

    [Fact]
    public async Task Predictions_AreExplainedExactly_Cached_AndFollowNewDataAndPromotion()
    {
        await PimaModel.IngestAsync(_ingest, Source);
        var model = fixture.Grains.GetGrain<IModelGrain>(Model);
        Assert.Empty(await model.DefineAsync(PimaModel.Definition(Source)));
        var patient = await PatientAsync("row-7");
        Assert.Null(await patient.GetPredictionAsync(Model));

        var first = await TrainedVersionAsync(seed: 1);
        Assert.Empty(await model.PromoteAsync(first));
        var prediction = (await Eventually.ReturnsAsync(() => patient.GetPredictionAsync(Model), p => p?.Version == first, TimeSpan.FromSeconds(20), "the first version's prediction"))!;

        Assert.InRange(prediction.Probability, 0, 1);
        Assert.Equal(prediction.Probability, prediction.BaseValue + prediction.Contributions.Sum(c => c.Amount), 12);
        Assert.Equal(PimaModel.Columns, prediction.Features.Select(f => f.Feature));
        Assert.Equal(78, prediction.Features.Single(f => f.Feature == "Glucose").Value);
        var again = (await patient.GetPredictionAsync(Model))!;
        Assert.Equal((prediction.Probability, prediction.BaseValue), (again.Probability, again.BaseValue));
        Assert.Equal(prediction.Contributions, again.Contributions);

        // New data for this patient: the cached answer is dropped and the new value is used.
        var source = await _ingest.RegisterAsync(Source, format: SourceFormat.Csv);
        var corrected = "Pregnancies,Glucose,BloodPressure,SkinThickness,Insulin,BMI,DiabetesPedigreeFunction,Age,Outcome\n"
            + "10,199,0,0,0,35,0.5,34,0\n";
        var rows = Enumerable.Repeat("1,1,1,1,1,1,1,1,0\n", 6).Aggregate(new StringBuilder(corrected.Split('\n')[0] + "\n"), (b, r) => b.Append(r));
        rows.Append(corrected.Split('\n')[1]).Append('\n');
        await _ingest.IngestAsync(source, new TabularCsvReader(Source), rows.ToString());
        var updated = (await patient.GetPredictionAsync(Model))!;
        Assert.Equal(199, updated.Features.Single(f => f.Feature == "Glucose").Value);

        // Another version promoted while patients on every silo keep asking: no request fails during the
        // switch, and every silo's predictor follows within seconds.
        var second = await TrainedVersionAsync(seed: 2);
        var readers = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => PatientAsync($"row-{1 + (i * 17)}")));
        using var stop = new CancellationTokenSource();
        var failures = new List<Exception>();
        var asking = Task.WhenAll(readers.Select(reader => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    Assert.NotNull(await reader.GetPredictionAsync(Model));
                }
                catch (Exception e)
                {
                    lock (failures)
                    {
                        failures.Add(e);
                    }
                }
            }
        })));
        Assert.Empty(await model.PromoteAsync(second));
        foreach (var reader in readers)
        {
            await Eventually.ReturnsAsync(() => reader.GetPredictionAsync(Model), p => p?.Version == second, TimeSpan.FromSeconds(20), "the promoted version's prediction");
        }

        await stop.CancelAsync();
        await asking;
        Assert.Empty(failures);
        var promoted = (await patient.GetPredictionAsync(Model))!;
        Assert.Equal(second, promoted.Version);
        Assert.Equal(promoted.Probability, promoted.BaseValue + promoted.Contributions.Sum(c => c.Amount), 12);
    }

    [Fact]
    public async Task ScatteredBatches_EqualLocalScoring()
    {
        await PimaModel.IngestAsync(_ingest, Source);
        var model = fixture.Grains.GetGrain<IModelGrain>("pima-scatter");
        Assert.Empty(await model.DefineAsync(PimaModel.Definition(Source)));
        var outcome = await model.TrainAsync(new TrainingRequest(Trees: 30, Shards: 3, Seed: 3));
        var version = fixture.Grains.GetGrain<IModelVersionGrain>(ShardKeys.Version("pima-scatter", outcome.Version!.Value));
        await Eventually.ReturnsAsync(version.GetStatusAsync, s => s!.State == VersionState.Completed, TimeSpan.FromMinutes(2), "the version to complete");
        Assert.Empty(await model.PromoteAsync(outcome.Version.Value));
        var scoring = (await version.GetScoringModelAsync())!;

        var random = new Random(4);
        const int rows = 3_000;
        var raw = Enumerable.Range(0, rows * scoring.RawWidth).Select(_ => random.NextDouble() < 0.05 ? float.NaN : (float)(random.NextDouble() * 150)).ToArray();
        var predictor = fixture.Grains.GetGrain<IPredictorGrain>("pima-scatter");
        var scattered = (await Eventually.ReturnsAsync(() => predictor.ScoreAsync(raw, rows), s => s is not null, TimeSpan.FromSeconds(20), "the predictor to load"))!;
        var local = (await predictor.ScoreAsync(raw[..(100 * scoring.RawWidth)], 100))!;

        Assert.True(scattered.Scattered);
        Assert.False(local.Scattered);
        var prepared = scoring.Prepare(raw, rows);
        var width = scoring.Plan.OutputWidth;
        for (var r = 0; r < rows; r++)
        {
            Assert.Equal(scoring.Forest.Probability(prepared.AsSpan(r * width, width)), scattered.Probabilities[r], 12);
        }

        Assert.Equal(scattered.Probabilities[..100], local.Probabilities);
        await Assert.ThrowsAsync<ArgumentException>(() => predictor.ScoreAsync(new float[7], 1));
    }
}
