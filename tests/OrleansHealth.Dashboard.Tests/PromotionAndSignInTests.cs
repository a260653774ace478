using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using OrleansHealth.Silo.Security;

namespace OrleansHealth.Dashboard.Tests;

/// <summary>What the dashboard lets a person do: promote and roll back as an admin (and only as an admin), and sign in.</summary>
[Collection(DashboardCollection.Name)]
public sealed class PromotionAndSignInTests(DashboardFixture fixture)
{
    private const string Model = "diabetes-onset";

    [Fact]
    public async Task Admin_PromotesANewVersion_ThenRollsBack_AndTheActiveVersionFollows()
    {
        var version = await TrainSmallVersionAsync();
        var page = await fixture.OpenAsync($"/models/{Model}/{version}");
        await DashboardFixture.ReadyAsync(page, "models");
        var active = page.GetByTestId("active-version");
        await Assertions.Expect(active).ToHaveTextAsync("active: version 1");

        try
        {
            await page.GetByTestId($"promote-{version}").ClickAsync();
            await Assertions.Expect(active).ToHaveTextAsync($"active: version {version}");
            Assert.Equal(version, await ActiveVersionAsync());
            await fixture.ScreenshotAsync(page, "model-promoted");

            var rollBack = page.GetByTestId("promote-1");
            await Assertions.Expect(rollBack).ToHaveTextAsync("Roll back to 1");
            await rollBack.ClickAsync();
            await Assertions.Expect(active).ToHaveTextAsync("active: version 1");
            Assert.Equal(1, await ActiveVersionAsync());
            fixture.AssertNoScriptErrors(page);
        }
        finally
        {
            // The other tests read the demo model's version 1: put it back even when a step above failed, and wait
            // until the predictors serve it again (they confirm the active version about once a second).
            await fixture.Silo.Http.PostAsync($"/api/models/{Model}/versions/1/promote", null);
            await Eventually.ReturnsAsync(
                async () => JsonDocument.Parse(await fixture.Silo.Http.GetStringAsync($"/api/patients/{fixture.SamplePatient}/predictions/{Model}"))
                    .RootElement.GetProperty("version").GetInt32(),
                served => served == 1, TimeSpan.FromSeconds(30), "predictions from version 1 again");
        }
    }

    [Fact]
    public async Task Analyst_SeesTheModelPage_ButNoPromoteButton_AndNotTheSourcesPage()
    {
        var analyst = TestAuth.Token([Roles.Analyst]);
        var page = await fixture.OpenAsync($"/models/{Model}", analyst);
        await DashboardFixture.ReadyAsync(page, "models");
        Assert.Equal(1, await page.GetByTestId("versions-table").CountAsync());
        Assert.Equal(0, await page.Locator("button[data-testid^=promote-]").CountAsync());

        await page.GotoAsync($"{fixture.Silo.Http.BaseAddress}ui/#/sources");
        await DashboardFixture.ReadyAsync(page, "sources");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Your role may not see this page.");
    }

    [Fact]
    public async Task WithoutAToken_ThePageAsksForOne_AndARefusedTokenSendsBackToSignIn()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync($"{fixture.Silo.Http.BaseAddress}ui/");
        await page.GetByTestId("token-input").FillAsync("not-a-token");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("The token was refused");

        await page.GetByTestId("token-input").FillAsync(TestAuth.Token());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await DashboardFixture.ReadyAsync(page, "patients");
        Assert.Equal(1, await page.GetByTestId("patient-search").CountAsync());
    }

    [Fact]
    public async Task TheTokenLeavesTheAddressBar_AndTheFilesCarryASecurityPolicy()
    {
        var page = await fixture.OpenAsync("/cluster");
        await DashboardFixture.ReadyAsync(page, "cluster");
        Assert.DoesNotContain("token=", page.Url);

        using var anonymous = new HttpClient { BaseAddress = fixture.Silo.Http.BaseAddress };
        var index = await anonymous.GetAsync("/ui/");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Contains("script-src 'self'", index.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/models")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/ui/nothing-here.js")).StatusCode);
    }

    private async Task<int> TrainSmallVersionAsync()
    {
        var response = await fixture.Silo.Http.PostAsJsonAsync($"/api/models/{Model}/versions", new { trees = 20, shards = 2, seed = 11, maxDepth = 4 });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var version = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("version").GetInt32();
        await Eventually.ReturnsAsync(
            async () => JsonDocument.Parse(await fixture.Silo.Http.GetStringAsync($"/api/models/{Model}/versions/{version}")).RootElement.GetProperty("state").GetString(),
            state => state == "Completed", TimeSpan.FromMinutes(2), $"version {version} completes");
        return version;
    }

    private async Task<int> ActiveVersionAsync() =>
        JsonDocument.Parse(await fixture.Silo.Http.GetStringAsync($"/api/models/{Model}")).RootElement.GetProperty("activeVersion").GetInt32();
}
