using OrleansHealth.Clinical.Validation;
using OrleansHealth.Ingestion;

namespace OrleansHealth.Grains.Tests.Ingestion;

/// <summary>Bad records are quarantined with the rule, a reason and their raw text; good ones beside them are accepted.</summary>
[Collection(ClusterCollection.Name)]
public sealed class QuarantineTests(ClusterFixture fixture)
{
    private readonly IngestHarness _ingest = new(fixture);

    private const string Patient =
        """{"resourceType":"Patient","id":"q1","name":[{"family":"Quinn","given":["Ada"]}],"birthDate":"1980-02-03","gender":"female"}""";

    private static string Weight(string id, double value, string unit, string subject = "Patient/q1") =>
        $$$"""{"resourceType":"Observation","id":"{{{id}}}","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},"subject":{"reference":"{{{subject}}}"},"effectiveDateTime":"2024-01-01T00:00:00Z","valueQuantity":{"value":{{{value}}},"unit":"{{{unit}}}","system":"http://unitsofmeasure.org","code":"{{{unit}}}"}}""";

    [Fact]
    public async Task MixedBatch_AcceptsTheGood_QuarantinesEachBadRecordWithItsRule()
    {
        var source = await _ingest.RegisterAsync("quarantine-mix");
        var lines = new[]
        {
            Patient,                                                                   // 1 ok
            Weight("w-ok", 70, "kg"),                                                  // 2 ok
            Weight("w-neg", -3, "kg"),                                                 // 3 impossible
            Weight("w-unit", 70, "stone"),                                             // 4 unknown unit
            Weight("w-orphan", 70, "kg", subject: "Patient/nobody"),                   // 5 unlinked
            """{"resourceType":"Observation","id":"no-subject","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},"valueQuantity":{"value":70,"unit":"kg"}}""", // 6 missing subject
            """{"resourceType":"Patient","id":"future","birthDate":"2999-01-01"}""",   // 7 birth date in future
            "{ this is not json",                                                      // 8 unparseable
        };

        var report = await _ingest.IngestAsync(source, IngestHarness.Ndjson, string.Join('\n', lines));

        Assert.Equal((2, 0, 6), (report.Accepted, report.Duplicates, report.Rejected));
        Assert.Equal([3, 4, 5, 6, 7, 8], report.Errors.Select(e => e.Line));
        var page = await fixture.Grains.GetGrain<IQuarantineGrain>("quarantine-mix").ListAsync(0, 100);
        Assert.Equal(6, page.Total);
        var rules = page.Items.OrderBy(i => i.Line).Select(i => i.Rule).ToArray();
        Assert.Equal(
            [ValidationRules.ImpossibleValue, ValidationRules.UnknownUnit, ValidationRules.Unlinked, ValidationRules.MissingSubject,
             ValidationRules.BirthDateInFuture, ValidationRules.Unparseable],
            rules);
        Assert.Equal(lines[2], page.Items.Single(i => i.Line == 3).Raw);
        Assert.All(page.Items, i => Assert.Equal(report.RequestId, i.RequestId));
        var statistics = (await fixture.Grains.GetGrain<OrleansHealth.Sources.IDataSourceGrain>("quarantine-mix").GetAsync())!.Statistics;
        Assert.Equal(6, statistics.Rejected);
        Assert.Equal(1, statistics.FailuresByRule[ValidationRules.Unlinked]);
    }
}
