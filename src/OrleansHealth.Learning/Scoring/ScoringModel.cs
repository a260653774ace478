using OrleansHealth.Learning.Data;
using OrleansHealth.Learning.Features;
using OrleansHealth.Learning.Forests;
using OrleansHealth.Learning.Preprocessing;

namespace OrleansHealth.Learning.Scoring;

/// <summary>
/// Everything needed to score a patient with one model version, held once per silo by the predictor:
/// the definition (to read the features from a timeline), the preprocessing plan, the compiled forest
/// and, for a model with a treatment, the candidates as model-input overrides with the range of data
/// the model saw for each.
/// </summary>
[GenerateSerializer, Immutable, Alias("oh.learning.ScoringModel")]
public sealed record ScoringModel(
    [property: Id(0)] string Model,
    [property: Id(1)] int Version,
    [property: Id(2)] ModelDefinition Definition,
    [property: Id(3)] PreprocessingPlan Plan,
    [property: Id(4)] CompiledForest Forest,
    [property: Id(5)] IReadOnlyList<TreatmentCandidate> Candidates,
    [property: Id(6)] IReadOnlyList<SupportRange> Support,
    [property: Id(7)] int Shards = 1)
{
    /// <summary>Below this many training patients with a treatment, its estimate gets a note.</summary>
    public const int MinSupport = 20;

    [NonSerialized]
    private FeatureExtractor? extractor;

    /// <summary>Width of a raw feature row: one value per feature of the definition, in its order.</summary>
    public int RawWidth => Definition.Features.Count;

    public static ScoringModel Build(string model, int version, ModelDefinition definition, PreprocessingPlan plan, Forest forest, FeatureMatrix forestInput, int shards)
    {
        var compiled = CompiledForest.Compile(forest, forestInput);
        var candidates = TreatmentCandidates(definition, plan);
        var support = candidates.Select(c => SupportRange.Fit(forestInput, c.Overrides)).ToList();
        return new ScoringModel(model, version, definition, plan, compiled, candidates, support, shards);
    }

    /// <summary>The raw feature row of a patient (NaN where the patient has no value).</summary>
    public float[] RawRow(ClinicalTimeline timeline) => (extractor ??= new FeatureExtractor(Definition)).Features(timeline);

    /// <summary>Probability and explanation of one raw feature row.</summary>
    /// <exception cref="ArgumentException">The row is not <see cref="RawWidth"/> wide.</exception>
    public Prediction Predict(ReadOnlySpan<float> raw)
    {
        var input = Plan.Apply(raw, standardise: false);
        var explanation = Forest.Explain(input);
        var features = new List<InputValue>(RawWidth);
        for (var i = 0; i < RawWidth; i++)
        {
            features.Add(new InputValue(Definition.Features[i].Name, Value(raw[i])));
        }

        var names = Plan.OutputNames;
        var contributions = new List<Contribution>(names.Count);
        for (var j = 0; j < names.Count; j++)
        {
            contributions.Add(new Contribution(names[j], InputShown(raw, input, j), explanation.Contributions[j]));
        }

        contributions.Sort((a, b) => Math.Abs(b.Amount).CompareTo(Math.Abs(a.Amount)));
        return new Prediction(Model, Version, explanation.Probability, explanation.BaseValue, features, contributions);
    }

    /// <summary>Preprocesses raw rows (row-major, <see cref="RawWidth"/> each) into model-input rows, the form shards vote on.</summary>
    public float[] Prepare(ReadOnlySpan<float> raw, int rows)
    {
        var width = Plan.OutputWidth;
        var prepared = new float[rows * width];
        for (var r = 0; r < rows; r++)
        {
            Plan.Apply(raw.Slice(r * RawWidth, RawWidth), standardise: false).CopyTo(prepared.AsSpan(r * width, width));
        }

        return prepared;
    }

    /// <summary>The candidates ranked for one raw row, best outcome first; empty for a model without a treatment.</summary>
    public TreatmentRanking RankTreatments(ReadOnlySpan<float> raw)
    {
        var input = Plan.Apply(raw, standardise: false);
        var scores = TreatmentScenarios.Score(Forest, input, Candidates);
        var harmful = Definition.Treatment?.OutcomeIsHarmful ?? true;
        var ranked = scores
            .Select((s, i) => (Score: s, Support: Support[i]))
            .Select(x => (x.Score.Name, Good: harmful ? 1 - x.Score.Probability : x.Score.Probability, x.Score.TreeSpread,
                Low: harmful ? 1 - x.Score.High : x.Score.Low, High: harmful ? 1 - x.Score.Low : x.Score.High, x.Support, Note: Note(x.Support, input)))
            .OrderByDescending(x => x.Good)
            .Select((x, i) => new RankedTreatment(i + 1, x.Name, x.Good, x.TreeSpread, x.Low, x.High, x.Support.Count, x.Note))
            .ToList();
        return new TreatmentRanking(Model, Version, ranked);
    }

    private string? Note(SupportRange support, float[] input)
    {
        if (support.Count < MinSupport)
        {
            return $"The model saw only {support.Count} training patients with this treatment; treat the estimate with caution.";
        }

        var outside = support.Outside(input);
        return outside.Count == 0
            ? null
            : $"This patient lies outside the data the model saw for this treatment in: {string.Join(", ", outside.Select(c => Plan.OutputNames[c]))}.";
    }

    /// <summary>The value shown beside a model input: the patient's raw value, or for a "was missing" indicator whether it was missing.</summary>
    private double? InputShown(ReadOnlySpan<float> raw, float[] input, int column) =>
        column < Plan.SelectedColumns.Count ? Value(raw[Plan.SelectedColumns[column]]) : input[column];

    private static double? Value(float value) => float.IsNaN(value) ? null : value;

    private static List<TreatmentCandidate> TreatmentCandidates(ModelDefinition definition, PreprocessingPlan plan)
    {
        if (definition.Treatment is not { } treatment)
        {
            return [];
        }

        var index = definition.Features.Select((f, i) => (f.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.OrdinalIgnoreCase);
        return [.. treatment.Candidates.Select(c => new TreatmentCandidate(c.Name, [.. c.Features
            .Select(f => (Column: IndexOf(plan.SelectedColumns, index[f.Key]), Value: (float)f.Value))
            .Where(o => o.Column >= 0)]))];
    }

    private static int IndexOf(IReadOnlyList<int> list, int value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
