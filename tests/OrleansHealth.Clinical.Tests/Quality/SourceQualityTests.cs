using OrleansHealth.Clinical.Quality;

namespace OrleansHealth.Clinical.Tests.Quality;

public sealed class SourceQualityTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Add_Tallies_SumsCountersAndDerivesRatesAndScore()
    {
        var builder = new IngestTallyBuilder();
        builder.Valid(Facts.Patient(Facts.Person(phone: "555-0100", postal: "02155")));
        builder.Valid(Facts.Patient(Facts.Person(phone: null, postal: null)));
        builder.Valid(Facts.Observation("29463-7", 70, "kg"));
        builder.Rejected("impossible-value");
        builder.Skipped();
        builder.Touched("p1");
        builder.Touched("p2");
        builder.Touched("p1");
        var quality = new SourceQuality();

        quality.Add(builder.Build(accepted: 2, duplicates: 1, At));

        Assert.Equal((5L, 2L, 1L, 1L, 1L), (quality.Received, quality.Accepted, quality.Duplicates, quality.Rejected, quality.Skipped));
        Assert.Equal(0.5, quality.Completeness()["patient.phone"]);
        Assert.Equal(1.0, quality.Completeness()["patient.birthDate"]);
        Assert.Equal(0.0, quality.Completeness()["patient.identifier"]);
        Assert.Equal(1.0, quality.Completeness()["observation.value"]);
        Assert.Equal(1L, quality.FailuresByRule["impossible-value"]);
        Assert.Equal(0.2, quality.DuplicateRate);
        Assert.Equal(0.2, quality.RejectRate);
        Assert.Equal(2, quality.Patients.Estimate());
        Assert.Equal(At, quality.LastSeen);
        var meanCompleteness = quality.Completeness().Values.Average();
        Assert.Equal(Math.Round(0.5 * meanCompleteness + 0.3 * 0.8 + 0.2 * 0.8, 4), quality.Score());
    }

    [Fact]
    public void Score_NothingReceived_IsZero()
    {
        Assert.Equal(0, new SourceQuality().Score());
    }

    [Fact]
    public void DistinctCounter_TenThousandValuesTwice_EstimatesWithinThreePercent()
    {
        var counter = new DistinctCounter();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 10_000; i++)
            {
                counter.Add($"patient-{i}");
            }
        }

        Assert.InRange(counter.Estimate(), 9_700, 10_300);
    }

    [Fact]
    public void DistinctCounter_SmallCounts_AreExact()
    {
        var counter = new DistinctCounter();
        foreach (var id in new[] { "a", "b", "c", "d", "e", "f", "a" })
        {
            counter.Add(id);
        }

        Assert.Equal(6, counter.Estimate());
    }
}
