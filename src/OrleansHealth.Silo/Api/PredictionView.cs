using OrleansHealth.Learning.Scoring;

namespace OrleansHealth.Silo.Api;

/// <summary>A patient's prediction as the API shows it: the top contributions only.</summary>
public sealed record PredictionView(
    string PatientId, string Model, int Version, double Probability, double BaseValue,
    IReadOnlyList<InputValue> Features, IReadOnlyList<Contribution> TopContributions)
{
    public static PredictionView From(string patientId, Prediction p, int top) =>
        new(patientId, p.Model, p.Version, p.Probability, p.BaseValue, p.Features, [.. p.Contributions.Take(top)]);
}
