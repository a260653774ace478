using System.Text.Json;
using Microsoft.Playwright;

namespace OrleansHealth.Dashboard.Tests;

/// <summary>
/// Each page of the dashboard on the demo population: the charts carry as many bars and points as the API's
/// data has, and a screenshot of each page is kept. The counts come from the same API the page reads, asked
/// directly, so a page that drops, repeats or invents a mark fails.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class PageTests(DashboardFixture fixture)
{
    private const string Model = "diabetes-onset";

    private async Task<JsonElement> ApiAsync(string path) =>
        JsonDocument.Parse(await fixture.Silo.Http.GetStringAsync(path)).RootElement;

    [Fact]
    public async Task PatientPage_ShowsTheRiskWithItsReasons_TheTreatments_AndAChartPerLab()
    {
        var patient = fixture.SamplePatient;
        var page = await fixture.OpenAsync($"/patients/{patient}");
        await page.Locator($"[data-testid=contributions-{Model}]").WaitForAsync();
        await page.Locator($"[data-testid=treatment-chart-{Model}]").WaitForAsync();

        var prediction = await ApiAsync($"/api/patients/{patient}/predictions/{Model}");
        Assert.Equal(prediction.GetProperty("topContributions").GetArrayLength(),
            await page.Locator($"[data-testid=contributions-{Model}] rect.bar").CountAsync());
        Assert.Equal(prediction.GetProperty("topContributions").EnumerateArray().Count(c => c.GetProperty("amount").GetDouble() > 0),
            await page.Locator($"[data-testid=contributions-{Model}] rect.bar.toward").CountAsync());
        var percent = (prediction.GetProperty("probability").GetDouble() * 100).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith(percent, await page.Locator($"[data-testid=probability-{Model}]").InnerTextAsync());

        var treatments = await ApiAsync($"/api/patients/{patient}/treatments/{Model}");
        Assert.Equal(treatments.GetProperty("treatments").GetArrayLength(),
            await page.Locator($"[data-testid=treatment-chart-{Model}] circle.point").CountAsync());

        // One chart per numeric lab or vital, a point per dated value.
        var profile = await ApiAsync($"/api/patients/{patient}");
        var numeric = profile.GetProperty("observations").EnumerateArray()
            .Select(series => (Code: series.GetProperty("code").GetString()!, Points: series.GetProperty("values").EnumerateArray()
                .Count(v => v.GetProperty("value").ValueKind == JsonValueKind.Number && v.GetProperty("effectiveAt").ValueKind == JsonValueKind.String)))
            .Where(series => series.Points > 0)
            .ToList();
        Assert.NotEmpty(numeric);
        foreach (var (code, points) in numeric)
        {
            Assert.Equal(points, await page.Locator($"[data-testid='observation-{code}'] circle.point").CountAsync());
        }

        // The source of every field is shown beside it.
        var demographics = profile.GetProperty("demographics").EnumerateObject().ToList();
        var profileText = await page.Locator("[data-testid=profile-table]").InnerTextAsync();
        foreach (var field in demographics)
        {
            Assert.Contains(field.Value.GetProperty("source").GetProperty("sourceId").GetString()!, profileText);
        }

        var events = profile.GetProperty("events").EnumerateObject().Sum(kind => kind.Value.GetArrayLength());
        Assert.Equal(events, await page.Locator("[data-testid=events-table] tbody tr").CountAsync());

        await fixture.ScreenshotAsync(page, "patient");
        fixture.AssertNoScriptErrors(page);
    }

    [Fact]
    public async Task PatientSearch_ByFamilyName_ListsThePatient_AndOpensTheProfile()
    {
        var profile = await ApiAsync($"/api/patients/{fixture.SamplePatient}");
        var family = profile.GetProperty("demographics").GetProperty("familyName").GetProperty("value").GetString()!;
        var page = await fixture.OpenAsync("/patients");
        await DashboardFixture.ReadyAsync(page, "patients");

        await page.GetByTestId("patient-query").FillAsync(family);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        var link = page.Locator($"[data-testid=search-table] a[href='#/patients/{fixture.SamplePatient}']");
        await link.WaitForAsync();
        await link.ClickAsync();
        await page.Locator($"[data-testid=contributions-{Model}]").WaitForAsync();
        fixture.AssertNoScriptErrors(page);
    }

    [Fact]
    public async Task ModelPage_DrawsEveryCurvePoint_ImportanceBar_AndShard()
    {
        var version = await ApiAsync($"/api/models/{Model}/versions/1");
        var page = await fixture.OpenAsync($"/models/{Model}/1");
        await DashboardFixture.ReadyAsync(page, "models");

        var forest = version.GetProperty("forest");
        var baseline = version.GetProperty("baseline");
        Assert.Equal(forest.GetProperty("roc").GetArrayLength().ToString(),
            await page.Locator("[data-testid=roc-chart] g[data-series=forest]").GetAttributeAsync("data-points"));
        Assert.Equal(baseline.GetProperty("precisionRecall").GetArrayLength().ToString(),
            await page.Locator("[data-testid=pr-chart] g[data-series='logistic baseline']").GetAttributeAsync("data-points"));
        Assert.Equal(forest.GetProperty("calibration").EnumerateArray().Count(b => b.GetProperty("count").GetInt32() > 0),
            await page.Locator("[data-testid=calibration-chart] g[data-series=forest] circle.point").CountAsync());
        Assert.Equal(version.GetProperty("importance").GetArrayLength(), await page.Locator("[data-testid=importance-chart] rect.bar").CountAsync());
        Assert.Equal(version.GetProperty("shards").GetArrayLength(), await page.Locator("[data-testid=shard-chart] rect.bar").CountAsync());
        Assert.Contains(version.GetProperty("shards")[0].GetProperty("silo").GetString()!, await page.Locator("[data-testid=shard-table]").InnerTextAsync());

        var truePositives = forest.GetProperty("confusion").GetProperty("truePositives").GetInt32();
        Assert.Contains(truePositives.ToString(), await page.Locator("[data-testid=confusion-forest] td").First.InnerTextAsync());
        Assert.Contains("logistic baseline", await page.Locator("[data-testid=comparison-table]").InnerTextAsync());

        await fixture.ScreenshotAsync(page, "model");
        fixture.AssertNoScriptErrors(page);
    }

    [Fact]
    public async Task SourcesPage_PiesTheSources_AndShowsQualityHistoryAndReviewQueue()
    {
        // The demo feeds are clean: send the NDJSON feed one impossible value, so the quarantine has a reason to show.
        const string id = "lab-northside";
        var bad = """{"resourceType":"Observation","id":"ui-bad","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},"subject":{"reference":"Patient/ui-nobody"},"valueQuantity":{"value":-5,"unit":"kg","code":"kg"}}""";
        using var sent = await fixture.Silo.Http.PostAsync($"/api/sources/{id}/records",
            new StringContent(bad, System.Text.Encoding.UTF8, "application/fhir+ndjson"));
        sent.EnsureSuccessStatusCode();

        var sources = (await ApiAsync("/api/sources")).EnumerateArray().ToList();
        var first = sources.Single(s => s.GetProperty("sourceId").GetString() == id);
        var page = await fixture.OpenAsync($"/sources/{id}");
        await DashboardFixture.ReadyAsync(page, "sources");

        Assert.Equal(sources.Count(s => s.GetProperty("statistics").GetProperty("received").GetInt64() > 0),
            await page.Locator("[data-testid=sources-pie] .slice").CountAsync());
        var statistics = first.GetProperty("statistics");
        Assert.Equal(statistics.GetProperty("completeness").EnumerateObject().Count(),
            await page.Locator($"[data-testid=completeness-{id}] rect.bar").CountAsync());
        Assert.Equal(statistics.GetProperty("history").GetArrayLength().ToString(),
            await page.Locator($"[data-testid=history-{id}] g[data-series=duplicates]").GetAttributeAsync("data-points"));

        Assert.Equal(statistics.GetProperty("history").EnumerateArray().Sum(b => b.GetProperty("rejected").GetInt32()), statistics.GetProperty("rejected").GetInt32());
        var quarantine = await ApiAsync($"/api/sources/{id}/quarantine");
        Assert.True(quarantine.GetProperty("total").GetInt32() >= 1);
        Assert.Equal(Math.Min(50, quarantine.GetProperty("total").GetInt32()), await page.Locator($"[data-testid=quarantine-{id}] tbody tr").CountAsync());
        Assert.Contains("impossible", await page.Locator($"[data-testid=quarantine-{id}]").InnerTextAsync());

        var review = await ApiAsync($"/api/sources/{id}/review");
        Assert.Equal(review.GetArrayLength(), await page.Locator($"[data-testid=review-{id}] tbody tr").CountAsync());
        Assert.Contains(id, await page.Locator("[data-testid=sources-table]").InnerTextAsync());

        await fixture.ScreenshotAsync(page, "sources");
        fixture.AssertNoScriptErrors(page);
    }

    [Fact]
    public async Task ClusterPage_ListsTheSilos_GrainCounts_AndRates()
    {
        var page = await fixture.OpenAsync("/cluster");
        await DashboardFixture.ReadyAsync(page, "cluster");
        var cluster = await ApiAsync("/api/cluster");

        Assert.Equal(cluster.GetProperty("silos").GetArrayLength(), await page.Locator("[data-testid=silos-table] tbody tr").CountAsync());
        Assert.Contains("Active", await page.Locator("[data-testid=silos-table]").InnerTextAsync());
        var grainTypes = cluster.GetProperty("grains").EnumerateArray().Select(g => g.GetProperty("grainType").GetString()).Distinct().Count();
        Assert.Equal(grainTypes, await page.Locator("[data-testid=grains-chart] rect.bar").CountAsync());
        // Each silo's rates, once it has reported (every 5 s; the page refreshes as often).
        await Assertions.Expect(page.Locator("[data-testid=activity-table] tbody tr"))
            .ToHaveCountAsync(cluster.GetProperty("silos").GetArrayLength(), new() { Timeout = 20_000 });

        await fixture.ScreenshotAsync(page, "cluster");
        fixture.AssertNoScriptErrors(page);
    }
}
