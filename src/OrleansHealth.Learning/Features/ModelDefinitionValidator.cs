namespace OrleansHealth.Learning.Features;

/// <summary>
/// Checks a definition before it is stored, and says what to change. Whether a code exists in the
/// data is checked when a version trains (the data may arrive after the definition).
/// </summary>
public static class ModelDefinitionValidator
{
    public const int MaxFeatures = 2_000;

    public static IReadOnlyList<string> Validate(ModelDefinition? definition)
    {
        if (definition is null)
        {
            return ["The body must be a model definition: {\"features\": [...], \"outcome\": {...}}."];
        }

        var problems = new List<string>();
        if (definition.Features is not { Count: > 0 } features)
        {
            problems.Add("features: name at least one feature.");
            features = [];
        }
        else if (features.Count > MaxFeatures)
        {
            problems.Add($"features: {features.Count} features is more than the limit of {MaxFeatures}.");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < features.Count; i++)
        {
            var f = features[i];
            var at = $"features[{i}]";
            if (f is null)
            {
                problems.Add($"{at}: is empty.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(f.Name))
            {
                problems.Add($"{at}: give the feature a name.");
            }
            else if (!names.Add(f.Name.Trim()))
            {
                problems.Add($"{at}: the name '{f.Name}' is used twice.");
            }

            problems.AddRange(FeatureProblems(f, at));
        }

        problems.AddRange(OutcomeProblems(definition));
        problems.AddRange(TreatmentProblems(definition.Treatment, names));
        if (definition.HoldoutPercent is < 5 or > 50)
        {
            problems.Add($"holdoutPercent: {definition.HoldoutPercent} is outside 5–50; 20 keeps one patient in five for evaluation.");
        }

        if (definition.HoldoutColumn is { } column && (column.Kind != FeatureKind.Column || string.IsNullOrWhiteSpace(column.Code) || string.IsNullOrWhiteSpace(column.Source)))
        {
            problems.Add("holdoutColumn: must be a tabular column: {\"kind\": \"column\", \"source\": \"…\", \"code\": \"fold\"}.");
        }

        return problems;
    }

    private static IEnumerable<string> FeatureProblems(FeatureSpec f, string at)
    {
        var needsCode = f.Kind is not (FeatureKind.Age or FeatureKind.Sex or FeatureKind.Encounters);
        if (!Enum.IsDefined(f.Kind))
        {
            yield return $"{at}: unknown kind; use age, sex, observation, condition, medication, procedure, encounters or column.";
        }
        else if (needsCode && string.IsNullOrWhiteSpace(f.Code))
        {
            yield return $"{at}: this {f.Kind.ToString().ToLowerInvariant()} feature needs a code (for a column: the column name).";
        }

        if (f.Kind == FeatureKind.Column && string.IsNullOrWhiteSpace(f.Source))
        {
            yield return $"{at}: a column feature needs the tabular source id in 'source'.";
        }

        if (f.WindowDays is < 1 or > 36_600)
        {
            yield return $"{at}: windowDays must be between 1 and 36600 days.";
        }

        if (!Enum.IsDefined(f.Aggregate))
        {
            yield return $"{at}: unknown aggregate; use latest, mean, min, max or count.";
        }
    }

    private static IEnumerable<string> TreatmentProblems(TreatmentSpec? treatment, HashSet<string> features)
    {
        if (treatment is null)
        {
            yield break;
        }

        if (treatment.Candidates is not { Count: >= 2 } candidates)
        {
            yield return "treatment.candidates: name at least two candidates to compare (for example none and one treatment).";
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c is null || string.IsNullOrWhiteSpace(c.Name) || !seen.Add(c.Name))
            {
                yield return $"treatment.candidates[{i}]: every candidate needs a name of its own.";
                continue;
            }

            if (c.Features is not { Count: > 0 })
            {
                yield return $"treatment.candidates[{i}] '{c.Name}': set at least one treatment feature, e.g. {{\"metformin\": 1}}.";
                continue;
            }

            foreach (var (name, value) in c.Features)
            {
                if (!features.Contains(name))
                {
                    yield return $"treatment.candidates[{i}] '{c.Name}': '{name}' is not one of the model's features.";
                }
                else if (!double.IsFinite(value))
                {
                    yield return $"treatment.candidates[{i}] '{c.Name}': the value of '{name}' must be a number.";
                }
            }
        }
    }

    private static IEnumerable<string> OutcomeProblems(ModelDefinition definition)
    {
        var outcome = definition.Outcome;
        if (outcome is null)
        {
            yield return "outcome: say what to predict, e.g. {\"kind\": \"condition\", \"code\": \"44054006\", \"windowDays\": 730}.";
            yield break;
        }

        if (string.IsNullOrWhiteSpace(outcome.Code))
        {
            yield return "outcome: needs a code (for a tabular label: the column name).";
        }

        if (outcome.Kind == OutcomeKind.Condition && definition.IndexDate is null)
        {
            yield return "indexDate: a condition outcome is counted in a window after the index date; set indexDate (yyyy-MM-dd).";
        }

        if (outcome.WindowDays is < 1 or > 36_600)
        {
            yield return "outcome.windowDays must be between 1 and 36600 days.";
        }
    }
}
