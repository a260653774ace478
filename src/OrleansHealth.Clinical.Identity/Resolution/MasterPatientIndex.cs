using OrleansHealth.Clinical.Identity.Keys;
using OrleansHealth.Clinical.Identity.Profiles;
using OrleansHealth.Clinical.Identity.Scoring;
using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Identity.Resolution;

/// <summary>
/// An in-memory master patient index that composes the pieces the grains use one by one:
/// (source, local id) links, person-level identifier links, blocks of candidates by blocking key,
/// Fellegi–Sunter scoring and the match policy. Single-threaded: for tests, benchmarks and tools.
/// </summary>
/// <remarks>
/// Order of evidence: an existing link wins, then an identifier already linked, then the best
/// probabilistic candidate. A review-band record never joins its candidate: it becomes a new
/// patient and a <see cref="ReviewItem"/>, because a wrong merge mixes two people's clinical
/// histories and is far costlier to undo than a missed one.
/// </remarks>
public sealed class MasterPatientIndex
{
    private readonly IEnterpriseIdFactory ids;
    private readonly MasterPatientIndexOptions options;
    private readonly FellegiSunterScorer scorer;
    private readonly List<IndexedRecord> records = [];
    private readonly Dictionary<(string SourceId, string LocalId), int> links = [];
    private readonly Dictionary<PatientIdentifier, string> identifierLinks = [];
    private readonly Dictionary<string, List<int>> blocks = new(StringComparer.Ordinal);
    private readonly List<ReviewItem> reviewItems = [];
    private readonly List<int> comparedIn = [];
    private int resolution;

    /// <summary>An index that takes new enterprise ids from <paramref name="ids"/>.</summary>
    public MasterPatientIndex(IEnterpriseIdFactory ids, MasterPatientIndexOptions? options = null)
    {
        this.ids = ids ?? throw new ArgumentNullException(nameof(ids));
        this.options = options ?? new MasterPatientIndexOptions();
        scorer = new FellegiSunterScorer(this.options.Model);
    }

    /// <summary>Records waiting for a person's decision, oldest first.</summary>
    public IReadOnlyList<ReviewItem> ReviewItems => reviewItems;

    /// <summary>Candidate pairs scored so far (each record pair at most once per resolution).</summary>
    public long Comparisons { get; private set; }

    /// <summary>Source records resolved.</summary>
    public int RecordCount => records.Count;

    /// <summary>Blocks (distinct blocking keys) held.</summary>
    public int BlockCount => blocks.Count;

    /// <summary>Members of the largest block.</summary>
    public int LargestBlockSize => blocks.Count == 0 ? 0 : blocks.Values.Max(b => b.Count);

    /// <summary>The enterprise id a source record was given, or null when it was never resolved.</summary>
    public string? EnterpriseIdOf(string sourceId, string localId) =>
        links.TryGetValue((sourceId, localId), out var index) ? records[index].EnterpriseId : null;

    /// <summary>Gives the record an enterprise id: the one it already has, an identifier's, a matching candidate's, or a new one.</summary>
    public ResolveResult Resolve(string sourceId, string localId, Demographics demographics)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceId);
        ArgumentException.ThrowIfNullOrEmpty(localId);
        ArgumentNullException.ThrowIfNull(demographics);

        var profile = PersonProfile.From(demographics, options.IdentifierSystems, options.Nicknames);
        if (links.TryGetValue((sourceId, localId), out var existing))
        {
            Refresh(existing, profile);
            return new ResolveResult(records[existing].EnterpriseId, ResolutionKind.ExistingLink);
        }

        return ResolveByIdentifier(sourceId, localId, profile) ?? ResolveByScore(sourceId, localId, profile);
    }

    private ResolveResult? ResolveByIdentifier(string sourceId, string localId, PersonProfile profile)
    {
        string? linked = null;
        foreach (var identifier in profile.Identifiers)
        {
            if (!identifierLinks.TryGetValue(identifier, out var enterpriseId))
            {
                continue;
            }

            if (linked is null)
            {
                linked = enterpriseId;
            }
            else if (enterpriseId != linked)
            {
                // Identifiers are in priority order, so the first link stands; the other is for a person.
                reviewItems.Add(new ReviewItem(sourceId, localId, linked, enterpriseId, ReviewReason.IdentifierConflict, null));
            }
        }

        if (linked is null)
        {
            return null;
        }

        Add(sourceId, localId, linked, profile);
        return new ResolveResult(linked, ResolutionKind.IdentifierMatch);
    }

    private ResolveResult ResolveByScore(string sourceId, string localId, PersonProfile profile)
    {
        var keys = BlockingKeys.For(profile, options.KeyHasher);
        var (best, bestRecord) = BestCandidate(profile, keys);
        if (best is null)
        {
            return NewPatient(sourceId, localId, profile, keys, ResolutionKind.NewPatient, null, null);
        }

        var explanation = scorer.Score(profile, records[bestRecord].Profile);
        switch (best.Decision)
        {
            case MatchDecision.Match:
                Add(sourceId, localId, best.EnterpriseId, profile, keys);
                return new ResolveResult(best.EnterpriseId, ResolutionKind.ProbabilisticMatch, best.Score.Total, null, explanation);
            case MatchDecision.Review:
                var result = NewPatient(sourceId, localId, profile, keys, ResolutionKind.NewPatientPendingReview, best, explanation);
                reviewItems.Add(new ReviewItem(sourceId, localId, result.EnterpriseId, best.EnterpriseId, ReviewReason.PossibleMatch, explanation));
                return result;
            default:
                return NewPatient(sourceId, localId, profile, keys, ResolutionKind.NewPatient, best, explanation);
        }
    }

    private ResolveResult NewPatient(
        string sourceId, string localId, PersonProfile profile, IReadOnlyList<string> keys,
        ResolutionKind kind, CandidateMatch? best, MatchScore? explanation)
    {
        var enterpriseId = ids.NewId();
        Add(sourceId, localId, enterpriseId, profile, keys);
        var candidate = kind == ResolutionKind.NewPatientPendingReview ? best?.EnterpriseId : null;
        return new ResolveResult(enterpriseId, kind, best?.Score.Total, candidate, explanation);
    }

    private (CandidateMatch? Best, int Record) BestCandidate(PersonProfile profile, IReadOnlyList<string> keys)
    {
        resolution++;
        CandidateMatch? best = null;
        var bestRecord = -1;
        foreach (var key in keys)
        {
            if (!blocks.TryGetValue(key, out var members))
            {
                continue;
            }

            foreach (var member in members)
            {
                // A record met in several blocks is scored once.
                if (comparedIn[member] == resolution)
                {
                    continue;
                }

                comparedIn[member] = resolution;
                Comparisons++;
                var record = records[member];
                var score = scorer.ScoreQuickly(profile, record.Profile);
                var candidate = new CandidateMatch(record.EnterpriseId, score, options.Policy.Decide(score));
                if (candidate.IsBetterThan(best))
                {
                    best = candidate;
                    bestRecord = member;
                }
            }
        }

        return (best, bestRecord);
    }

    private void Add(string sourceId, string localId, string enterpriseId, PersonProfile profile) =>
        Add(sourceId, localId, enterpriseId, profile, BlockingKeys.For(profile, options.KeyHasher));

    private void Add(string sourceId, string localId, string enterpriseId, PersonProfile profile, IReadOnlyList<string> keys)
    {
        var index = records.Count;
        records.Add(new IndexedRecord(enterpriseId, profile, keys));
        comparedIn.Add(0);
        links.Add((sourceId, localId), index);
        LinkIdentifiers(profile, enterpriseId);
        foreach (var key in keys)
        {
            JoinBlock(key, index);
        }
    }

    // A record sent again may carry new demographics (a move, a corrected name): its blocks and
    // identifiers follow, its enterprise id stays.
    private void Refresh(int index, PersonProfile profile)
    {
        var old = records[index];
        var keys = BlockingKeys.For(profile, options.KeyHasher);
        foreach (var key in old.Keys.Except(keys, StringComparer.Ordinal))
        {
            blocks[key].Remove(index);
        }

        foreach (var key in keys.Except(old.Keys, StringComparer.Ordinal))
        {
            JoinBlock(key, index);
        }

        records[index] = old with { Profile = profile, Keys = keys };
        LinkIdentifiers(profile, old.EnterpriseId);
    }

    private void LinkIdentifiers(PersonProfile profile, string enterpriseId)
    {
        foreach (var identifier in profile.Identifiers)
        {
            identifierLinks.TryAdd(identifier, enterpriseId);
        }
    }

    private void JoinBlock(string key, int index)
    {
        if (!blocks.TryGetValue(key, out var members))
        {
            blocks[key] = members = [];
        }

        members.Add(index);
    }

    private sealed record IndexedRecord(string EnterpriseId, PersonProfile Profile, IReadOnlyList<string> Keys);
}
