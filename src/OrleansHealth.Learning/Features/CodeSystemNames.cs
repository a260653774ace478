using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Learning.Features;

/// <summary>Turns the system a definition names (or leaves out) into the URI the profiles store.</summary>
public static class CodeSystemNames
{
    public static string Resolve(string? system, FeatureKind kind, string? source) =>
        Alias(system) ?? kind switch
        {
            FeatureKind.Observation => CodeSystems.Loinc,
            FeatureKind.Condition or FeatureKind.Procedure => CodeSystems.Snomed,
            FeatureKind.Medication => CodeSystems.RxNorm,
            FeatureKind.Column => CodeSystems.Tabular(source ?? ""),
            _ => "",
        };

    public static string Resolve(OutcomeSpec outcome) =>
        Alias(outcome.System) ?? (outcome.Kind == OutcomeKind.Condition
            ? CodeSystems.Snomed
            : outcome.Source is { } source ? CodeSystems.Tabular(source) : CodeSystems.Loinc);

    private static string? Alias(string? system) => system?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "loinc" => CodeSystems.Loinc,
        "snomed" or "snomedct" or "sct" => CodeSystems.Snomed,
        "rxnorm" => CodeSystems.RxNorm,
        _ => system.Trim(),
    };
}
