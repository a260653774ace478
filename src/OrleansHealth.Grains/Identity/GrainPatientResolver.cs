using Microsoft.Extensions.DependencyInjection;
using OrleansHealth.Clinical.Identity.Identifiers;
using OrleansHealth.Clinical.Identity.Profiles;
using OrleansHealth.Clinical.Identity.Scoring;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Grains.Ingestion;
using OrleansHealth.Identity;
using OrleansHealth.Patients;

namespace OrleansHealth.Grains.Identity;

/// <summary>
/// The master patient index: write-once claims in <see cref="IIdentityClaimStore"/> and candidate
/// demographics in block partition grains. Evidence in order: the record's existing link (source + local id),
/// then a shared identifier (same system and value), then Fellegi–Sunter scoring against the members
/// of the record's blocks. A score in the review band never merges: the record gets its own patient
/// and a review item. A chunk is resolved in a few round trips: one claim read, one candidate read
/// and one admission per block partition, one claim write for links and one for identifiers; block
/// admission and first-claim-wins claims make retried and concurrent requests converge on one patient.
/// </summary>
public sealed class GrainPatientResolver(
    IGrainFactory grains, IIdentityClaimStore claims, [FromKeyedServices(HealthTime.Key)] TimeProvider time) : IPatientResolver
{
    public async Task<IReadOnlyList<PatientResolution>> ResolveAsync(string sourceId, IReadOnlyList<PatientToResolve> records)
    {
        var pending = records.Select(r => new Pending(sourceId, r)).ToList();
        var known = await claims.FindAsync(pending.SelectMany(p => p.IdentifierKeys.Prepend(p.LinkKey)).Distinct().ToList());

        // The first record of each local id decides its patient: by link, by identifier, or by matching.
        var deciders = pending.DistinctBy(p => p.Record.LocalId).ToList();
        var toMatch = new List<Pending>();
        foreach (var decider in deciders)
        {
            decider.PatientId = known.GetValueOrDefault(decider.LinkKey) ?? decider.IdentifierKeys.Select(known.GetValueOrDefault).FirstOrDefault(h => h is not null);
            decider.WasLinked = known.ContainsKey(decider.LinkKey);
            if (decider.PatientId is null)
            {
                toMatch.Add(decider);
            }
        }

        await MatchAsync(toMatch);

        var links = await claims.ClaimAsync(deciders.Where(d => !d.WasLinked).ToDictionary(d => d.LinkKey, d => d.PatientId!, StringComparer.Ordinal));
        var patientOf = deciders.ToDictionary(d => d.Record.LocalId, d => links.GetValueOrDefault(d.LinkKey) ?? d.PatientId!, StringComparer.Ordinal);
        await RegisterAsync(pending, patientOf);

        return
        [
            .. pending.Select(p => new PatientResolution(patientOf[p.Record.LocalId],
                p.Uncertain is { } candidate && p.PatientId == patientOf[p.Record.LocalId] ? Review(sourceId, p, candidate) : null)),
        ];
    }

    public async Task<IReadOnlyList<string?>> FindAsync(string sourceId, IReadOnlyList<SubjectRef> subjects)
    {
        var keys = subjects.Select(s => KeyOf(sourceId, s)).ToList();
        var holders = await claims.FindAsync(keys.OfType<string>().Distinct().ToList());
        return [.. keys.Select(k => k is null ? null : holders.GetValueOrDefault(k))];
    }

    private static string? KeyOf(string sourceId, SubjectRef subject)
    {
        if (subject.LocalId is { } localId)
        {
            return IdentityKeys.Link(sourceId, localId);
        }

        return subject.Identifier is { } identifier && IdentifierValues.Normalize(identifier.System, identifier.Value) is { } value
            ? IdentityKeys.Identifier(identifier.System, value)
            : null;
    }

    /// <summary>Scores each record against its blocks' members; a record without a match is admitted to its first block as a new patient.</summary>
    private async Task MatchAsync(List<Pending> records)
    {
        var members = new Dictionary<string, IReadOnlyList<IdentityCandidate>>(StringComparer.Ordinal);
        var reads = records.SelectMany(r => r.BlockKeys).Distinct().GroupBy(IdentityBlocks.PartitionOf)
            .Select(partition => Partition(partition.Key).GetCandidatesAsync([.. partition]));
        foreach (var found in await Task.WhenAll(reads))
        {
            foreach (var (key, candidates) in found)
            {
                members[key] = candidates;
            }
        }

        var admissions = new Dictionary<int, List<Pending>>();
        foreach (var record in records)
        {
            var best = IdentityMatching.Best(record.Profile, record.BlockKeys.SelectMany(k => members[k]));
            if (best is { Decision: MatchDecision.Match } match)
            {
                record.PatientId = match.Candidate.PatientId;
                continue;
            }

            record.PatientId = PatientIds.New();
            record.Uncertain = best is { Decision: MatchDecision.Review } review ? review : null;
            if (record.BlockKeys.Count > 0)
            {
                record.AdmittedTo = record.BlockKeys[0];
                var partition = IdentityBlocks.PartitionOf(record.AdmittedTo);
                (admissions.TryGetValue(partition, out var list) ? list : admissions[partition] = []).Add(record);
            }
        }

        // A block may have admitted the same person from another request meanwhile, or from earlier in this chunk.
        await Task.WhenAll(admissions.Select(async pair =>
        {
            var holders = await Partition(pair.Key).AdmitAsync([.. pair.Value.Select(r => new BlockEntry(r.AdmittedTo!, r.Candidate(r.PatientId!)))]);
            for (var i = 0; i < holders.Count; i++)
            {
                if (holders[i] != pair.Value[i].PatientId)
                {
                    pair.Value[i].PatientId = holders[i];
                    pair.Value[i].Uncertain = null;
                }
            }
        }));
    }

    /// <summary>Every record's identifiers are claimed for its patient, and its demographics join its blocks (but the one it was admitted to).</summary>
    private Task RegisterAsync(List<Pending> records, Dictionary<string, string> patientOf)
    {
        var identifierClaims = new Dictionary<string, string>(StringComparer.Ordinal);
        var joins = new Dictionary<int, List<BlockEntry>>();
        foreach (var record in records)
        {
            var patientId = patientOf[record.Record.LocalId];
            foreach (var key in record.IdentifierKeys)
            {
                identifierClaims.TryAdd(key, patientId);
            }

            var candidate = record.Candidate(patientId);
            foreach (var key in record.BlockKeys.Where(k => k != record.AdmittedTo || record.PatientId != patientId))
            {
                var partition = IdentityBlocks.PartitionOf(key);
                (joins.TryGetValue(partition, out var list) ? list : joins[partition] = []).Add(new BlockEntry(key, candidate));
            }
        }

        return Task.WhenAll(joins.Select(j => Partition(j.Key).AddAsync(j.Value)).Append(claims.ClaimAsync(identifierClaims)));
    }

    private IIdentityBlockPartitionGrain Partition(int index) => grains.GetGrain<IIdentityBlockPartitionGrain>(index);

    private ReviewItem Review(string sourceId, Pending record, (IdentityCandidate Candidate, PairScore Score, MatchDecision Decision) uncertain) =>
        new(sourceId, record.Record.Patient.RecordId, record.PatientId!, uncertain.Candidate.PatientId, Math.Round(uncertain.Score.Total, 3),
            IdentityMatching.Explain(record.Profile, uncertain.Candidate.Demographics), time.GetUtcNow());

    /// <summary>One Patient record on its way through resolution.</summary>
    private sealed class Pending
    {
        public Pending(string sourceId, PatientToResolve record)
        {
            Record = record;
            Profile = IdentityMatching.Profile(record.Patient.Demographics);
            BlockKeys = IdentityMatching.BlockingKeysOf(Profile);
            LinkKey = IdentityKeys.Link(sourceId, record.LocalId);
            // The record's identifiers in one spelling per system; placeholders (an SSN of zeros) are dropped.
            IdentifierKeys =
            [
                .. record.Patient.Demographics.Identifiers
                    .Select(i => IdentifierValues.Normalize(i.System, i.Value) is { } v ? IdentityKeys.Identifier(i.System, v) : null)
                    .OfType<string>()
                    .Distinct(),
            ];
        }

        public PatientToResolve Record { get; }

        public PersonProfile Profile { get; }

        public IReadOnlyList<string> BlockKeys { get; }

        public string LinkKey { get; }

        public IReadOnlyList<string> IdentifierKeys { get; }

        /// <summary>The patient decided for this record's local id, before the link claim confirms it.</summary>
        public string? PatientId { get; set; }

        public bool WasLinked { get; set; }

        /// <summary>The block this record was admitted to as a new patient, if any.</summary>
        public string? AdmittedTo { get; set; }

        /// <summary>The best candidate when its score fell in the review band.</summary>
        public (IdentityCandidate Candidate, PairScore Score, MatchDecision Decision)? Uncertain { get; set; }

        public IdentityCandidate Candidate(string patientId) => new(patientId, Record.Patient.Demographics);
    }
}
