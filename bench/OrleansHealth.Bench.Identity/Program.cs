using System.Diagnostics;
using System.Globalization;
using OrleansHealth.Bench.Identity;
using OrleansHealth.Clinical.Identity.Resolution;
using OrleansHealth.Clinical.Identity.Scoring;
using OrleansHealth.Synthetic.Population;
using OrleansHealth.Synthetic.Sources;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var settings = BenchSettings.Parse(args);
Console.WriteLine($"population: {settings.Persons:N0} persons, seed {settings.Seed}, noise level {settings.NoiseLevel}, overlap {settings.Overlap}, 3 sources");

var clock = Stopwatch.StartNew();
var population = new PopulationGenerator(new PopulationOptions { PatientCount = settings.Persons, Seed = settings.Seed });
var simulator = new SourceSimulator(population, new SourceSimulationOptions
{
    SourceCount = 3,
    Overlap = settings.Overlap,
    Noise = NoiseRates.AtLevel(settings.NoiseLevel),
});
var sends = simulator.SimulateDemographics();
Console.WriteLine($"generated {sends.Count:N0} sends in {clock.Elapsed.TotalSeconds:F1} s");

var options = new MasterPatientIndexOptions();
if (settings.EstimateModel)
{
    clock.Restart();
    var estimate = ModelEstimation.Estimate(sends, options);
    options = options with { Model = estimate.Model };
    Console.WriteLine($"EM: {estimate.Iterations} iterations, converged {estimate.Converged}, match share {estimate.MatchShare:F4}, in {clock.Elapsed.TotalSeconds:F1} s");
    ModelEstimation.Print(estimate.Model);
}

var index = new MasterPatientIndex(new SequentialEnterpriseIdFactory(), options);
var kinds = new Dictionary<ResolutionKind, int>();
var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
clock.Restart();
foreach (var send in sends)
{
    var result = index.Resolve(send.SourceId, send.LocalId, send.Demographics);
    kinds[result.Kind] = kinds.GetValueOrDefault(result.Kind) + 1;
}

var elapsed = clock.Elapsed;
var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);

var records = sends
    .Where(s => !s.IsResend)
    .Select(s => (Truth: s.PersonId, Predicted: index.EnterpriseIdOf(s.SourceId, s.LocalId)!))
    .ToList();
var quality = PairwiseQuality.Of(records);
var personOf = sends.Where(s => !s.IsResend).ToDictionary(s => (s.SourceId, s.LocalId), s => s.PersonId);
var personsOfEnterprise = records.GroupBy(r => r.Predicted, StringComparer.Ordinal)
    .ToDictionary(g => g.Key, g => g.Select(r => r.Truth).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
var reviewsOfTrueMatches = index.ReviewItems.Count(item => item.Reason == ReviewReason.PossibleMatch
    && personsOfEnterprise[item.CandidateEnterpriseId].Contains(personOf[(item.SourceId, item.LocalId)]));

Console.WriteLine($"records: {records.Count:N0} distinct source records ({sends.Count - records.Count:N0} resends)");
Console.WriteLine($"pairs: true {quality.TruePairs:N0}, predicted {quality.PredictedPairs:N0}, correct {quality.CorrectPairs:N0}");
Console.WriteLine($"precision {quality.Precision:F5}  recall {quality.Recall:F5}  F1 {quality.F1:F5}");
Console.WriteLine($"review items: {index.ReviewItems.Count:N0} ({index.ReviewItems.Count(i => i.Reason == ReviewReason.PossibleMatch):N0} possible matches, of which {reviewsOfTrueMatches:N0} truly the candidate; {index.ReviewItems.Count(i => i.Reason == ReviewReason.IdentifierConflict):N0} identifier conflicts)");
Console.WriteLine("decisions: " + string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value:N0}")));
Console.WriteLine($"comparisons: {index.Comparisons:N0} ({(double)index.Comparisons / sends.Count:F1} per send); blocks {index.BlockCount:N0}, largest {index.LargestBlockSize:N0}");
Console.WriteLine($"resolve wall time: {elapsed.TotalSeconds:F2} s ({sends.Count / elapsed.TotalSeconds:N0} sends/s, {elapsed.TotalMilliseconds * 1000 / sends.Count:F1} µs each); index memory ≈ {(memoryAfter - memoryBefore) / (1024.0 * 1024):N0} MiB");
