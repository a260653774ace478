using OrleansHealth.Clinical.Identity.Comparison;

namespace OrleansHealth.Clinical.Identity.Scoring;

/// <summary>
/// Estimates m/u-probabilities from unlabelled comparison vectors by expectation–maximisation
/// (Winkler 1988): each pair is a mixture of "same person" and "different people" with fields
/// independent given the class. The start model fixes which levels exist and seeds the match
/// class (so the classes do not swap). Run it on the blocked candidate pairs, the only pairs the
/// index scores, estimating m and u together: u conditional on sharing a block is the u that
/// matters there. Holding u at random-pair frequencies (<see cref="UFromRandomPairs"/>) instead
/// let the match class absorb the blocked non-matches on the 100,000-person benchmark (match
/// share 1.0), so that option is for scoring random pairs, not blocked ones.
/// </summary>
public static class FellegiSunterEstimator
{
    // Pseudo-count per level: keeps a level never seen in one class from getting probability 0 (an infinite weight).
    private const double Smoothing = 0.5;
    private const double Floor = 1e-9;

    /// <summary>Runs EM from <paramref name="start"/> and <paramref name="startMatchShare"/> on <paramref name="pairs"/>.</summary>
    public static EmEstimate Estimate(
        IEnumerable<ComparisonVector> pairs,
        FellegiSunterModel start,
        double startMatchShare = 0.1,
        bool estimateU = true,
        int maxIterations = 200,
        double tolerance = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(startMatchShare);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(startMatchShare, 1.0);

        var patterns = pairs.GroupBy(p => p.Packed).Select(g => (Vector: new ComparisonVector(g.Key), Count: (double)g.Count())).ToArray();
        if (patterns.Length == 0)
        {
            throw new ArgumentException("EM needs at least one pair.", nameof(pairs));
        }

        var fields = start.Fields;
        var m = fields.Select(f => f.Levels.ToDictionary(l => l.Key, l => l.Value.M)).ToArray();
        var u = fields.Select(f => f.Levels.ToDictionary(l => l.Key, l => l.Value.U)).ToArray();
        var share = startMatchShare;
        var total = patterns.Sum(p => p.Count);
        var iterations = 0;
        var converged = false;

        while (iterations < maxIterations && !converged)
        {
            iterations++;
            var matchWeights = patterns.Select(p => MatchProbability(p.Vector, fields, m, u, share)).ToArray();
            var newM = Maximise(patterns, fields, matchWeights, forMatches: true);
            var newU = estimateU ? Maximise(patterns, fields, matchWeights, forMatches: false) : u;
            var newShare = Math.Clamp(patterns.Select((p, i) => p.Count * matchWeights[i]).Sum() / total, Floor, 1 - Floor);

            var change = Math.Max(Math.Abs(newShare - share), Math.Max(LargestChange(m, newM), LargestChange(u, newU)));
            (m, u, share) = (newM, newU, newShare);
            converged = change < tolerance;
        }

        var model = new FellegiSunterModel(fields.Select((f, i) => f.WithLevels(
            f.Levels.Keys.ToDictionary(level => level, level => new MuProbabilities(Clamp(m[i][level]), Clamp(u[i][level]))))));
        return new EmEstimate(model, share, iterations, converged);
    }

    /// <summary>
    /// A copy of <paramref name="start"/> whose u-probabilities are the level frequencies among
    /// <paramref name="randomPairs"/> — pairs drawn at random, nearly all of two different people.
    /// </summary>
    public static FellegiSunterModel UFromRandomPairs(IEnumerable<ComparisonVector> randomPairs, FellegiSunterModel start)
    {
        ArgumentNullException.ThrowIfNull(randomPairs);
        ArgumentNullException.ThrowIfNull(start);
        var fields = start.Fields;
        var counts = fields.Select(f => f.Levels.Keys.ToDictionary(k => k, _ => Smoothing)).ToArray();
        foreach (var pair in randomPairs)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                var level = LevelOf(pair, fields[i]);
                if (level != FieldAgreement.Missing)
                {
                    counts[i][level]++;
                }
            }
        }

        return new FellegiSunterModel(fields.Select((f, i) =>
        {
            var sum = counts[i].Values.Sum();
            return f.WithLevels(f.Levels.ToDictionary(l => l.Key, l => new MuProbabilities(l.Value.M, Clamp(counts[i][l.Key] / sum))));
        }));
    }

    // P(match | vector), computed in logs: products of many small probabilities underflow.
    private static double MatchProbability(
        ComparisonVector vector, IReadOnlyList<FieldModel> fields, Dictionary<FieldAgreement, double>[] m, Dictionary<FieldAgreement, double>[] u, double share)
    {
        var logMatch = Math.Log(share);
        var logNonMatch = Math.Log(1 - share);
        for (var i = 0; i < fields.Count; i++)
        {
            var level = LevelOf(vector, fields[i]);
            if (level == FieldAgreement.Missing)
            {
                continue;
            }

            logMatch += Math.Log(Math.Max(m[i][level], Floor));
            logNonMatch += Math.Log(Math.Max(u[i][level], Floor));
        }

        return 1 / (1 + Math.Exp(logNonMatch - logMatch));
    }

    private static Dictionary<FieldAgreement, double>[] Maximise(
        (ComparisonVector Vector, double Count)[] patterns, IReadOnlyList<FieldModel> fields, double[] matchWeights, bool forMatches)
    {
        var result = new Dictionary<FieldAgreement, double>[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            var sums = fields[i].Levels.Keys.ToDictionary(k => k, _ => Smoothing);
            for (var p = 0; p < patterns.Length; p++)
            {
                var level = LevelOf(patterns[p].Vector, fields[i]);
                if (level != FieldAgreement.Missing)
                {
                    sums[level] += patterns[p].Count * (forMatches ? matchWeights[p] : 1 - matchWeights[p]);
                }
            }

            var total = sums.Values.Sum();
            result[i] = sums.ToDictionary(s => s.Key, s => s.Value / total);
        }

        return result;
    }

    // A level the model does not list is weighed as Disagree (see FieldModel.WeightOf), so it is counted as one here too.
    private static FieldAgreement LevelOf(ComparisonVector vector, FieldModel field)
    {
        var level = vector[field.Field];
        return level == FieldAgreement.Missing || field.Levels.ContainsKey(level) ? level : FieldAgreement.Disagree;
    }

    private static double LargestChange(Dictionary<FieldAgreement, double>[] before, Dictionary<FieldAgreement, double>[] after)
    {
        var largest = 0.0;
        for (var i = 0; i < before.Length; i++)
        {
            foreach (var (level, value) in before[i])
            {
                largest = Math.Max(largest, Math.Abs(after[i][level] - value));
            }
        }

        return largest;
    }

    private static double Clamp(double probability) => Math.Clamp(probability, Floor, 1.0);
}
