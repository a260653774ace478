using OrleansHealth.Learning.Scoring;

namespace OrleansHealth.Silo.Api;

/// <summary>
/// Every contribution of a prediction, split into those that raise the risk and those that lower it;
/// <c>baseValue + Σ toward + Σ against = probability</c>.
/// </summary>
public sealed record ExplanationView(
    string PatientId, string Model, int Version, double Probability, double BaseValue,
    IReadOnlyList<Contribution> Toward, IReadOnlyList<Contribution> Against)
{
    public static ExplanationView From(string patientId, Prediction p) =>
        new(patientId, p.Model, p.Version, p.Probability, p.BaseValue,
            [.. p.Contributions.Where(c => c.Amount > 0)], [.. p.Contributions.Where(c => c.Amount < 0)]);
}
