using OrleansHealth.Clinical.Model;
using OrleansHealth.Synthetic.Outcomes;
using OrleansHealth.Synthetic.Randomness;

namespace OrleansHealth.Synthetic.Population;

/// <summary>
/// Draws the values at the index visit. A latent metabolic factor ties BMI, HbA1c, glucose and
/// blood pressure together as in real populations. HbA1c and glucose stay below the diabetes
/// thresholds: the cohort is adults without diabetes at the index date.
/// </summary>
internal static class BaselineFactory
{
    public static RiskFactors Create(PopulationOptions options, PersonIdentity identity)
    {
        var random = DeterministicRandom.For(options.Seed, RandomStream.Baseline, identity.Index);
        var demographics = identity.Demographics;
        var age = AgeAt(demographics.BirthDate!.Value, options.IndexDate);
        var male = demographics.Sex == AdministrativeSex.Male;
        var familyHistory = random.Chance(0.25);
        var metabolic = random.NextGaussian();

        var height = Round(Clamp(male ? 176.5 + (7.2 * random.NextGaussian()) : 162.5 + (6.5 * random.NextGaussian()), 140, 205), 1);
        var bmiDrawn = Clamp(28.0 + (3.2 * metabolic) + (3.5 * random.NextGaussian()), 17, 55);
        var weight = Round(bmiDrawn * Square(height / 100), 1);
        var bmi = Round(weight / Square(height / 100), 1);

        var hba1c = Round(Clamp(
            5.45 + (0.22 * metabolic) + (0.005 * (age - 50)) + (0.015 * (bmi - 28)) + (familyHistory ? 0.10 : 0) + (0.25 * random.NextGaussian()),
            4.3,
            6.4), 1);
        var glucose = Round(Clamp(96 + (11 * (hba1c - 5.45)) + (0.25 * (bmi - 28)) + (7 * random.NextGaussian()), 68, 125), 0);
        var systolic = Round(Clamp(122 + (0.40 * (age - 50)) + (0.55 * (bmi - 28)) + (4 * metabolic) + (12 * random.NextGaussian()), 90, 195), 0);
        var diastolic = Round(Clamp((0.5 * systolic) + 16 + (7 * random.NextGaussian()), 50, 115), 0);
        var cholesterol = Round(Clamp(195 + (0.5 * (age - 50)) + (6 * metabolic) + (32 * random.NextGaussian()), 110, 320), 0);
        var heartRate = Round(Clamp(72 + (10 * random.NextGaussian()), 48, 115), 0);
        var temperature = Round(Clamp(36.8 + (0.25 * random.NextGaussian()), 36.0, 37.7), 1);

        return new RiskFactors(
            age,
            demographics.Sex,
            height,
            weight,
            bmi,
            systolic,
            diastolic,
            heartRate,
            temperature,
            glucose,
            hba1c,
            cholesterol,
            familyHistory);
    }

    public static int AgeAt(DateOnly birthDate, DateOnly date)
    {
        var age = date.Year - birthDate.Year;
        return date < birthDate.AddYears(age) ? age - 1 : age;
    }

    internal static double Round(double value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    internal static double Clamp(double value, double min, double max) => Math.Min(max, Math.Max(min, value));

    private static double Square(double value) => value * value;
}
