using OrleansHealth.Synthetic.Outcomes;
using OrleansHealth.Synthetic.Randomness;

namespace OrleansHealth.Synthetic.Population;

/// <summary>Assigns the treatment (<see cref="TreatmentPolicy"/>) and draws the outcome (<see cref="DiabetesRiskModel"/>).</summary>
internal static class OutcomeFactory
{
    public static OutcomeTruth Create(PopulationOptions options, int index, RiskFactors factors)
    {
        var propensity = TreatmentPolicy.Propensities(factors);
        var choice = DeterministicRandom.For(options.Seed, RandomStream.Treatment, index).NextDouble();
        var treatment = choice < propensity.None
            ? Treatment.None
            : choice < propensity.None + propensity.Metformin ? Treatment.Metformin : Treatment.Lifestyle;

        var risk = DiabetesRiskModel.Risks(factors);
        var outcomeRandom = DeterministicRandom.For(options.Seed, RandomStream.Outcome, index);
        var draw = outcomeRandom.NextDouble();
        var potential = new PerTreatment<bool>(draw < risk.None, draw < risk.Metformin, draw < risk.Lifestyle);
        var outcome = potential[treatment];

        DateTimeOffset? onset = null;
        if (outcome)
        {
            // Onset falls inside the window (index date, index date + window], never on its first month.
            var day = options.IndexDate.AddDays(30 + outcomeRandom.NextInt(PopulationOptions.OutcomeWindowDays - 31));
            onset = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(480 + outcomeRandom.NextInt(540));
        }

        return new OutcomeTruth(treatment, outcome, onset, risk, propensity, potential);
    }
}
