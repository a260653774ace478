using Microsoft.Extensions.Options;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Grains.Ingestion;
using OrleansHealth.Learning;
using OrleansHealth.Learning.Training;
using OrleansHealth.Silo.Api;
using OrleansHealth.Silo.Hosting;
using OrleansHealth.Sources;
using OrleansHealth.Synthetic.Population;
using OrleansHealth.Synthetic.Sources;
using OrleansHealth.Synthetic.Writing;

namespace OrleansHealth.Silo.Demo;

/// <summary>
/// Once the silo is up, generates the demo population and ingests each of its three sources' feeds
/// through the same pipeline the HTTP endpoint uses, so the demo exercises the real path.
/// </summary>
public sealed partial class DemoLoader(
    IOptions<DemoOptions> options,
    HostSettings settings,
    IGrainFactory grains,
    IngestPipeline pipeline,
    IPatientResolver resolver,
    IOptions<IngestOptions> ingest,
    IHostApplicationLifetime lifetime,
    ILogger<DemoLoader> logger) : BackgroundService
{
    /// <summary>Completes when the demo has loaded (or was not asked for); tests and the CLI can wait on it.</summary>
    public Task Loaded => _loaded.Task;

    /// <summary>A demo patient known to several sources, for the start-up hint (the dashboard link and an <c>ohealth</c> example).</summary>
    public string? SamplePatientId { get; private set; }

    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var demo = options.Value;
        if (!(demo.Enabled ?? settings.Storage == StorageMode.Memory))
        {
            _loaded.TrySetResult();
            return;
        }

        try
        {
            await WhenStartedAsync(stoppingToken);
            var started = TimeProvider.System.GetTimestamp();
            var population = new PopulationOptions { PatientCount = demo.Patients, Seed = demo.Seed };
            var simulator = new SourceSimulator(new PopulationGenerator(population), new SourceSimulationOptions());
            var records = 0;
            foreach (var feed in FeedRenderer.RenderAll(simulator))
            {
                records += await LoadAsync(feed, stoppingToken);
            }

            LogLoaded(logger, demo.Patients, records, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
            SamplePatientId = await FindSampleAsync(simulator, demo.Patients);
            if (demo.TrainModel)
            {
                await TrainAsync(population, stoppingToken);
            }

            _loaded.TrySetResult();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _loaded.TrySetCanceled(stoppingToken);
        }
        catch (Exception ex)
        {
            // The demo is a convenience: a failure is reported, never allowed to take the silo down.
            LogFailed(logger, ex);
            _loaded.TrySetException(ex);
        }
    }

    private async Task<int> LoadAsync(SourceFeed feed, CancellationToken cancellationToken)
    {
        var source = grains.GetGrain<IDataSourceGrain>(feed.Source.Id);
        var format = SourceRegistrationValidator.Validate(feed.Source.Id,
            new SourceRegistrationRequest(feed.Source.Name, feed.Source.RegistrationFormat, feed.Source.TrustRank), out _);
        await source.RegisterAsync(format!);
        var details = (await source.GetAsync())!;

        var records = 0;
        foreach (var document in feed.Documents)
        {
            var (reader, problem) = FeedReaderSelector.Select(document.ContentType, document.CsvFormat, null, feed.Source.Id, ingest.Value.Limits);
            if (reader is null)
            {
                LogSkippedDocument(logger, document.Name, problem?.ProblemDetails.Detail);
                continue;
            }

            using var body = new MemoryStream(document.Content, writable: false);
            var report = await pipeline.IngestAsync(details, reader, body, cancellationToken);
            records += report.Accepted + report.Duplicates + report.Rejected;
        }

        return records;
    }

    private async Task<string?> FindSampleAsync(SourceSimulator simulator, int patients)
    {
        for (var person = 0; person < patients; person++)
        {
            if (simulator.SourcesOf(person) is [var source, _, ..]
                && (await resolver.FindAsync(source.Id, [SubjectRef.Local(simulator.LocalIdOf(person, source))]))[0] is { } patientId)
            {
                return patientId;
            }
        }

        return null;
    }

    /// <summary>Defines the demo model, trains a version on two shards and promotes it once it completes.</summary>
    private async Task TrainAsync(PopulationOptions population, CancellationToken cancellationToken)
    {
        var model = grains.GetGrain<IModelGrain>(DemoModel.Name);
        var problems = await model.DefineAsync(DemoModel.Definition(population));
        // Depth 6: the model ranks treatments, and trees grown until pure fit the noise in the treatment
        // effect; on the generator's truth they rank worse than "lifestyle for everyone", depth-6 trees
        // better (docs/benchmarks.md, treatment ranking).
        var request = new TrainingRequest(Trees: 100, Shards: 2, Seed: DemoSeed, MaxDepth: 6);
        var outcome = problems.Count == 0 ? await model.TrainAsync(request) : new TrainOutcome(null, problems);
        if (outcome.Version is not { } version)
        {
            LogModelRefused(logger, string.Join(" ", outcome.Problems));
            return;
        }

        var status = grains.GetGrain<IModelVersionGrain>(ShardKeys.Version(DemoModel.Name, version));
        while ((await status.GetStatusAsync())?.State is VersionState.Training or VersionState.Evaluating)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        var finished = (await status.GetStatusAsync())!;
        if (finished.State == VersionState.Completed && (await model.PromoteAsync(version)).Count == 0)
        {
            LogModelTrained(logger, DemoModel.Name, version, finished.Forest!.Auroc, finished.Baseline!.Auroc);
        }
        else
        {
            LogModelRefused(logger, finished.Error ?? finished.State.ToString());
        }
    }

    private const int DemoSeed = 7;

    private Task WhenStartedAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo population loaded: {Patients} people, {Records} records from three sources in {Seconds:F1} s")]
    private static partial void LogLoaded(ILogger logger, int patients, int records, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo document {Document} skipped: {Reason}")]
    private static partial void LogSkippedDocument(ILogger logger, string document, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the demo population failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo model {Model} version {Version} trained and promoted: held-out AUROC {Auroc:F3} (logistic baseline {Baseline:F3})")]
    private static partial void LogModelTrained(ILogger logger, string model, int version, double auroc, double baseline);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo model was not trained: {Reason}")]
    private static partial void LogModelRefused(ILogger logger, string reason);
}
