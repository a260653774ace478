using OrleansHealth.Clinical.Model;
using OrleansHealth.Synthetic.Clinical;
using OrleansHealth.Synthetic.Outcomes;
using OrleansHealth.Synthetic.Randomness;
using static OrleansHealth.Synthetic.Population.BaselineFactory;

namespace OrleansHealth.Synthetic.Population;

/// <summary>
/// Lays out a person's visits from the start to the end date and the values measured at each. The
/// index visit (a check-up shortly before the index date) reports exactly the baseline; other visits
/// drift with time and scatter with measurement noise. After the index date the given treatment
/// shows (metformin lowers HbA1c and glucose, the programme BMI and blood pressure), and after a
/// diabetes onset HbA1c and glucose are in the diabetic range.
/// </summary>
internal static class HistoryFactory
{
    private static readonly Measure[] CheckUpMeasures =
    [
        Measure.BodyHeight, Measure.BodyWeight, Measure.BodyMassIndex, Measure.SystolicBloodPressure, Measure.DiastolicBloodPressure,
        Measure.HeartRate, Measure.BodyTemperature, Measure.Glucose, Measure.HemoglobinA1c, Measure.TotalCholesterol,
    ];

    private static readonly Measure[] SymptomMeasures =
    [
        Measure.BodyWeight, Measure.SystolicBloodPressure, Measure.DiastolicBloodPressure, Measure.HeartRate, Measure.BodyTemperature,
    ];

    private static readonly Measure[] DiagnosisMeasures =
    [
        Measure.BodyHeight, Measure.BodyWeight, Measure.BodyMassIndex, Measure.SystolicBloodPressure, Measure.DiastolicBloodPressure,
        Measure.HeartRate, Measure.Glucose, Measure.HemoglobinA1c,
    ];

    public static SyntheticPerson Create(PopulationOptions options, PersonIdentity identity, RiskFactors baseline, OutcomeTruth truth)
    {
        var random = DeterministicRandom.For(options.Seed, RandomStream.Visits, identity.Index);
        var start = AtMidnight(options.StartDate);
        var end = AtMidnight(options.EndDate);
        var indexDate = AtMidnight(options.IndexDate);
        var indexVisitStart = indexDate.AddDays(-(1 + random.NextInt(60))).AddMinutes(480 + random.NextInt(540));

        var planned = new List<(DateTimeOffset Start, VisitKind Kind)> { (indexVisitStart, VisitKind.CheckUp) };
        for (var at = NextYear(indexVisitStart, random, -1); at >= start; at = NextYear(at, random, -1))
        {
            if (!random.Chance(0.15))
            {
                planned.Add((at, VisitKind.CheckUp));
            }
        }

        for (var at = NextYear(indexVisitStart, random, 1); at < end; at = NextYear(at, random, 1))
        {
            planned.Add((at, VisitKind.CheckUp));
        }

        var symptomVisits = random.NextInt(3);
        var spanHours = (int)(end - start).TotalHours;
        for (var i = 0; i < symptomVisits; i++)
        {
            var day = start.AddHours(random.NextInt(spanHours)).Date;
            planned.Add((new DateTimeOffset(day, TimeSpan.Zero).AddMinutes(480 + random.NextInt(540)), VisitKind.Symptom));
        }

        if (truth.OnsetAt is { } onsetAt)
        {
            planned.Add((onsetAt, VisitKind.DiabetesDiagnosis));
        }

        planned.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Kind.CompareTo(b.Kind));

        var visits = new SyntheticVisit[planned.Count];
        var indexVisitNumber = -1;
        for (var number = 0; number < planned.Count; number++)
        {
            var (visitStart, kind) = planned[number];
            var isIndexVisit = visitStart == indexVisitStart && kind == VisitKind.CheckUp && indexVisitNumber < 0;
            if (isIndexVisit)
            {
                indexVisitNumber = number;
            }

            var duration = kind == VisitKind.CheckUp ? 15 + random.NextInt(16) : 15 + random.NextInt(31);
            var measurements = isIndexVisit
                ? BaselineMeasurements(baseline)
                : MeasureAt(baseline, truth, kind, Years(visitStart - indexVisitStart), visitStart, random);
            visits[number] = new SyntheticVisit(number, kind, visitStart, visitStart.AddMinutes(duration), measurements);
        }

        var conditions = Conditions(baseline, truth, visits, indexVisitNumber);
        return new SyntheticPerson(identity, baseline, truth, visits, conditions, indexVisitNumber);
    }

    private static Measurement[] BaselineMeasurements(RiskFactors b) =>
    [
        new(Measure.BodyHeight, b.HeightCm),
        new(Measure.BodyWeight, b.WeightKg),
        new(Measure.BodyMassIndex, b.BodyMassIndex),
        new(Measure.SystolicBloodPressure, b.SystolicBloodPressure),
        new(Measure.DiastolicBloodPressure, b.DiastolicBloodPressure),
        new(Measure.HeartRate, b.HeartRate),
        new(Measure.BodyTemperature, b.BodyTemperature),
        new(Measure.Glucose, b.GlucoseMgPerDl),
        new(Measure.HemoglobinA1c, b.HemoglobinA1cPercent),
        new(Measure.TotalCholesterol, b.TotalCholesterolMgPerDl),
    ];

    private static Measurement[] MeasureAt(
        RiskFactors b, OutcomeTruth truth, VisitKind kind, double years, DateTimeOffset at, DeterministicRandom random)
    {
        // Treatment shows only after the index visit, fully after a year.
        var treatedFor = Math.Clamp(years, 0, 1);
        var lifestyle = truth.Treatment == Treatment.Lifestyle ? treatedFor : 0;
        var metformin = truth.Treatment == Treatment.Metformin ? treatedFor : 0;
        var diabetic = truth.OnsetAt is { } onset && at >= onset;

        var height = Round(b.HeightCm + (0.4 * random.NextGaussian()), 1);
        var bmiTrue = Clamp(b.BodyMassIndex + (0.25 * years) - (1.5 * lifestyle) + (0.4 * random.NextGaussian()), 16, 60);
        var weight = Round(bmiTrue * Math.Pow(b.HeightCm / 100, 2), 1);
        var bmi = Round(weight / Math.Pow(height / 100, 2), 1);
        var systolic = Round(Clamp(b.SystolicBloodPressure + (0.8 * years) - (3 * lifestyle) + (8 * random.NextGaussian()), 85, 210), 0);
        var diastolic = Round(Clamp(b.DiastolicBloodPressure + (0.3 * years) + (5 * random.NextGaussian()), 45, 125), 0);
        var heartRate = Round(Clamp(b.HeartRate + (6 * random.NextGaussian()), 45, 130), 0);
        var fever = kind == VisitKind.Symptom ? 0.6 * Math.Abs(random.NextGaussian()) : 0;
        var temperature = Round(Clamp(36.8 + fever + (0.25 * random.NextGaussian()), 35.8, 39.5), 1);
        var hba1c = diabetic
            ? Round(6.6 + (0.8 * Math.Abs(random.NextGaussian())), 1)
            : Round(Clamp(b.HemoglobinA1cPercent + (0.05 * years) - (0.25 * metformin) + (0.12 * random.NextGaussian()), 4.2, 6.4), 1);
        var glucose = diabetic
            ? Round(130 + (25 * Math.Abs(random.NextGaussian())), 0)
            : Round(Clamp(b.GlucoseMgPerDl + (1.0 * years) - (6 * metformin) + (6 * random.NextGaussian()), 65, 125), 0);
        var cholesterol = Round(Clamp(b.TotalCholesterolMgPerDl + years + (15 * random.NextGaussian()), 100, 350), 0);

        var measures = kind switch
        {
            VisitKind.CheckUp => CheckUpMeasures,
            VisitKind.Symptom => SymptomMeasures,
            _ => DiagnosisMeasures,
        };
        var result = new Measurement[measures.Length];
        for (var i = 0; i < measures.Length; i++)
        {
            var value = measures[i] switch
            {
                Measure.BodyHeight => height,
                Measure.BodyWeight => weight,
                Measure.BodyMassIndex => bmi,
                Measure.SystolicBloodPressure => systolic,
                Measure.DiastolicBloodPressure => diastolic,
                Measure.HeartRate => heartRate,
                Measure.BodyTemperature => temperature,
                Measure.Glucose => glucose,
                Measure.HemoglobinA1c => hba1c,
                _ => cholesterol,
            };
            result[i] = new Measurement(measures[i], value);
        }

        return result;
    }

    /// <summary>
    /// Conditions present at the index visit, each recorded at the first visit up to the index visit
    /// whose values meet its criterion (so the record agrees with the measurements), plus the
    /// diabetes diagnosis, which ends the prediabetes.
    /// </summary>
    private static List<SyntheticCondition> Conditions(RiskFactors b, OutcomeTruth truth, SyntheticVisit[] visits, int indexVisitNumber)
    {
        var diagnosis = Array.Find(visits, v => v.Kind == VisitKind.DiabetesDiagnosis);
        var conditions = new List<SyntheticCondition>();
        if (b.FamilyHistoryOfDiabetes)
        {
            conditions.Add(new SyntheticCondition(SyntheticCodes.FamilyHistoryOfDiabetes, 0, visits[0].Start, null));
        }

        AddFirstMet(b.HasHypertension, SyntheticCodes.Hypertension, v => Value(v, Measure.SystolicBloodPressure) >= 140 || Value(v, Measure.DiastolicBloodPressure) >= 90);
        AddFirstMet(b.HasPrediabetes, SyntheticCodes.Prediabetes, v => Value(v, Measure.HemoglobinA1c) >= 5.7 || Value(v, Measure.Glucose) >= 100, diagnosis?.Start);
        AddFirstMet(b.HasObesity, SyntheticCodes.Obesity, v => Value(v, Measure.BodyMassIndex) >= 30);
        AddFirstMet(b.HasHyperlipidemia, SyntheticCodes.Hyperlipidemia, v => Value(v, Measure.TotalCholesterol) >= 240);

        if (diagnosis is not null && truth.Outcome)
        {
            conditions.Add(new SyntheticCondition(SyntheticCodes.Type2Diabetes, diagnosis.Number, diagnosis.Start, null));
        }

        return conditions;

        void AddFirstMet(bool present, ClinicalCode code, Func<SyntheticVisit, bool> criterion, DateTimeOffset? abatement = null)
        {
            if (!present)
            {
                return;
            }

            var first = indexVisitNumber;
            for (var number = 0; number < indexVisitNumber; number++)
            {
                if (criterion(visits[number]))
                {
                    first = number;
                    break;
                }
            }

            conditions.Add(new SyntheticCondition(code, first, visits[first].Start, abatement));
        }
    }

    private static double Value(SyntheticVisit visit, Measure measure)
    {
        foreach (var measurement in visit.Measurements)
        {
            if (measurement.Measure == measure)
            {
                return measurement.Value;
            }
        }

        return double.NaN;
    }

    private static DateTimeOffset NextYear(DateTimeOffset from, DeterministicRandom random, int direction) =>
        from.AddDays(direction * (320 + random.NextInt(91))).AddMinutes(random.NextInt(-90, 90));

    private static double Years(TimeSpan span) => span.TotalDays / 365.25;

    private static DateTimeOffset AtMidnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
