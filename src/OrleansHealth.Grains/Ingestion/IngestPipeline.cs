using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Clinical.Profiles;
using OrleansHealth.Clinical.Quality;
using OrleansHealth.Clinical.Reading;
using OrleansHealth.Clinical.Validation;
using OrleansHealth.Grains.Telemetry;
using OrleansHealth.Identity;
using OrleansHealth.Ingestion;
using OrleansHealth.Patients;
using OrleansHealth.Sources;

namespace OrleansHealth.Grains.Ingestion;

/// <summary>
/// Turns one feed body into profile updates: read (streaming) → validate → resolve identity →
/// apply per patient → quarantine → count. It runs on whichever silo received the request and talks
/// to many grains, so no single grain sees every record. Work is done in chunks: each chunk's patient
/// writes, quarantine entries and counters are durable before the next chunk is read, and the
/// answer is sent only after the last chunk, so an acknowledged record is a persisted record.
/// </summary>
public sealed class IngestPipeline(
    IGrainFactory grains,
    IPatientResolver resolver,
    [FromKeyedServices(HealthTime.Key)] TimeProvider time,
    IOptions<IngestOptions> options)
{
    private readonly RecordValidator _validator = new(time);
    private readonly IngestOptions _options = options.Value;

    /// <summary>Reads and applies the whole body. Throws <see cref="InputFormatException"/> for body-level problems
    /// (records of earlier chunks stay applied; a retry is harmless because every record is idempotent).</summary>
    public async Task<IngestReport> IngestAsync(SourceDetails source, IRecordReader reader, Stream body, CancellationToken cancellationToken)
    {
        using var activity = HealthTelemetry.ActivitySource.StartActivity("ingest");
        activity?.SetTag("ohealth.source", source.SourceId);
        var run = new IngestRun(Guid.NewGuid().ToString("N"), source.SourceId, source.Registration.TrustRank, time.GetUtcNow(), _options.MaxListedErrors);

        // Reading (parsing, CPU-bound) of the next chunk overlaps with resolving and applying the
        // current one (grain calls); at most ReadAhead chunks wait, so memory stays bounded.
        var chunks = Channel.CreateBounded<List<ReadItem>>(new BoundedChannelOptions(Math.Max(1, _options.ReadAhead)) { SingleReader = true, SingleWriter = true });
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadChunksAsync(reader, body, chunks.Writer, stopReading.Token), CancellationToken.None);
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(cancellationToken))
            {
                // Chunks already read ahead are not applied once the request is aborted (a shutdown's bound).
                cancellationToken.ThrowIfCancellationRequested();
                await ProcessChunkAsync(run, chunk);
            }
        }
        catch
        {
            // Applying failed: stop the reader, and report the applying error rather than the cancellation it causes.
            await stopReading.CancelAsync();
            await reading.ContinueWith(static _ => { }, TaskScheduler.Default);
            throw;
        }

        // Surfaces a body-level error (InputFormatException) after the chunks read before it were applied.
        await reading;

        HealthTelemetry.RecordsIngested.Add(run.Accepted + run.Duplicates, new KeyValuePair<string, object?>("source", source.SourceId));
        activity?.SetTag("ohealth.accepted", run.Accepted);
        activity?.SetTag("ohealth.rejected", run.Rejected);
        return run.Report();
    }

    private async Task ReadChunksAsync(IRecordReader reader, Stream body, ChannelWriter<List<ReadItem>> writer, CancellationToken cancellationToken)
    {
        try
        {
            var chunk = new List<ReadItem>(_options.ChunkSize);
            await foreach (var item in reader.ReadAsync(body, cancellationToken))
            {
                chunk.Add(item);
                if (chunk.Count >= _options.ChunkSize)
                {
                    await writer.WriteAsync(chunk, cancellationToken);
                    chunk = new List<ReadItem>(_options.ChunkSize);
                }
            }

            if (chunk.Count > 0)
            {
                await writer.WriteAsync(chunk, cancellationToken);
            }

            writer.Complete();
        }
        catch
        {
            // The consumer applies the chunks already queued; then awaiting this task rethrows to the caller.
            writer.Complete();
            throw;
        }
    }

    private async Task ProcessChunkAsync(IngestRun run, List<ReadItem> chunk)
    {
        var tally = new IngestTallyBuilder();
        var quarantine = new List<QuarantineItem>();
        var valid = new List<(FactRead Read, IClinicalFact Fact)>();

        foreach (var item in chunk)
        {
            switch (item)
            {
                case RecordSkipped:
                    tally.Skipped();
                    run.Skipped++;
                    break;
                case RecordRejected rejected:
                    tally.Rejected(ValidationRules.Unparseable);
                    Quarantine(run, quarantine, rejected.Line, ValidationRules.Unparseable, rejected.Reason, rejected.Raw);
                    break;
                case FactRead read:
                    var (fact, failure) = _validator.Validate(read);
                    if (failure is not null)
                    {
                        tally.Rejected(failure.Rule);
                        Quarantine(run, quarantine, read.Line, failure.Rule, failure.Message, read.Raw);
                    }
                    else
                    {
                        tally.Valid(fact!);
                        valid.Add((read, fact!));
                    }

                    break;
            }
        }

        var reviews = await ResolvePatientsAsync(run, valid);
        var batches = await GroupByPatientAsync(run, valid, quarantine, tally);
        var outcome = await ApplyAsync(batches);
        run.Accepted += outcome.Accepted;
        run.Duplicates += outcome.Duplicates;

        await Task.WhenAll(
            grains.GetGrain<IQuarantineGrain>(run.SourceId).AddAsync(quarantine),
            reviews.Count == 0 ? Task.CompletedTask : grains.GetGrain<IReviewQueueGrain>(run.SourceId).AddAsync(reviews));
        await grains.GetGrain<IDataSourceGrain>(run.SourceId).RecordAsync(tally.Build(outcome.Accepted, outcome.Duplicates, run.ReceivedAt));
    }

    /// <summary>Patient records first, so that the chunk's other records can find the patients they are about.</summary>
    private async Task<List<ReviewItem>> ResolvePatientsAsync(IngestRun run, List<(FactRead Read, IClinicalFact Fact)> valid)
    {
        var patients = valid
            .Where(v => v.Fact is PatientFact && v.Read.Subject.LocalId is not null)
            .Select(v => new PatientToResolve(v.Read.Subject.LocalId!, (PatientFact)v.Fact))
            .ToList();
        var reviews = new List<ReviewItem>();
        if (patients.Count == 0)
        {
            return reviews;
        }

        var resolutions = await resolver.ResolveAsync(run.SourceId, patients);
        for (var i = 0; i < patients.Count; i++)
        {
            run.PatientsByLocalId[patients[i].LocalId] = resolutions[i].PatientId;
            if (resolutions[i].Review is { } review)
            {
                reviews.Add(review);
            }
        }

        return reviews;
    }

    private async Task<Dictionary<string, PatientBatchBuilder>> GroupByPatientAsync(
        IngestRun run, List<(FactRead Read, IClinicalFact Fact)> valid, List<QuarantineItem> quarantine, IngestTallyBuilder tally)
    {
        var found = await FindSubjectsAsync(run, valid);
        var batches = new Dictionary<string, PatientBatchBuilder>(StringComparer.Ordinal);
        foreach (var (read, fact) in valid)
        {
            var patientId = read.Subject.LocalId is { } localId ? run.PatientsByLocalId.GetValueOrDefault(localId) : found.GetValueOrDefault(read.Subject);
            if (patientId is null)
            {
                tally.Unlinked();
                Quarantine(run, quarantine, read.Line, ValidationRules.Unlinked,
                    $"no patient is known for subject {Describe(read.Subject)} from source '{run.SourceId}'; send the Patient record first", read.Raw);
                continue;
            }

            if (!batches.TryGetValue(patientId, out var builder))
            {
                batches[patientId] = builder = new PatientBatchBuilder(patientId, run.SourceId, run.TrustRank, run.ReceivedAt);
            }

            builder.Add(read.Subject.LocalId, fact);
            run.PatientsTouched.Add(patientId);
            tally.Touched(patientId);
        }

        return batches;
    }

    /// <summary>
    /// Looks up, in one batch, the subjects of this chunk not resolved earlier in the request. Local
    /// ids found are remembered for the rest of the request; subjects given by identifier are returned.
    /// </summary>
    private async Task<Dictionary<SubjectRef, string>> FindSubjectsAsync(IngestRun run, List<(FactRead Read, IClinicalFact Fact)> valid)
    {
        var unknown = valid.Select(v => v.Read.Subject)
            .Where(s => s.LocalId is { } localId ? !run.PatientsByLocalId.ContainsKey(localId) : s.Identifier is not null)
            .Distinct()
            .ToList();
        var found = new Dictionary<SubjectRef, string>();
        if (unknown.Count == 0)
        {
            return found;
        }

        var patientIds = await resolver.FindAsync(run.SourceId, unknown);
        for (var i = 0; i < unknown.Count; i++)
        {
            if (patientIds[i] is not { } patientId)
            {
                continue;
            }

            if (unknown[i].LocalId is { } localId)
            {
                run.PatientsByLocalId[localId] = patientId;
            }
            else
            {
                found[unknown[i]] = patientId;
            }
        }

        return found;
    }

    private async Task<ApplyOutcome> ApplyAsync(Dictionary<string, PatientBatchBuilder> batches)
    {
        var total = new ApplyOutcome();
        var gate = new object();
        await Parallel.ForEachAsync(batches.Values, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism }, async (builder, _) =>
        {
            var outcome = await grains.GetGrain<IPatientGrain>(builder.PatientId).ApplyAsync(builder.Build());
            lock (gate)
            {
                total += outcome;
            }
        });
        return total;
    }

    private void Quarantine(IngestRun run, List<QuarantineItem> quarantine, int line, string rule, string reason, string raw)
    {
        run.Error(line, reason);
        var kept = raw.Length <= _options.MaxQuarantinedRawLength ? raw : raw[.._options.MaxQuarantinedRawLength];
        quarantine.Add(new QuarantineItem(run.RequestId, line, rule, reason, kept, run.ReceivedAt));
    }

    private static string Describe(SubjectRef subject) =>
        subject.LocalId is { } local ? $"'{local}'" : $"with identifier system {subject.Identifier?.System}";
}
