using System.Net;
using System.Text;
using System.Text.Json;

namespace OrleansHealth.Silo.Tests.Api;

/// <summary>Defining, training, inspecting and promoting models over real HTTP, with the data ingested through the tabular path.</summary>
[Collection(EmbeddedSiloCollection.Name)]
public sealed class ModelsApiTests(EmbeddedSiloFixture fixture)
{
    private const string Source = "api-pima";

    private static object Definition(string outcome = "Outcome") => new
    {
        description = "Pima diabetes from the tabular columns",
        features = new object[]
        {
            new { name = "glucose", kind = "column", source = Source, code = "Glucose", missingValues = new[] { 0.0 } },
            new { name = "bmi", kind = "column", source = Source, code = "BMI", missingValues = new[] { 0.0 } },
            new { name = "age", kind = "column", source = Source, code = "Age" },
            new { name = "pregnancies", kind = "column", source = Source, code = "Pregnancies" },
            new { name = "pedigree", kind = "column", source = Source, code = "DiabetesPedigreeFunction" },
        },
        outcome = new { kind = "label", source = Source, code = outcome },
    };

    private async Task IngestPimaAsync()
    {
        using var register = await fixture.Http.PutAsync($"/api/sources/{Source}", JsonContent.Create(new { name = "Pima", format = "csv", trustRank = 50 }));
        register.EnsureSuccessStatusCode();
        var csv = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.SharedData, "ml", "pima_diabetes.csv"));
        using var ingest = await fixture.Http.PostAsync($"/api/sources/{Source}/records?format=tabular", new StringContent(csv, Encoding.UTF8, "text/csv"));
        ingest.EnsureSuccessStatusCode();
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await JsonAsync(response);
    }

    private async Task<JsonElement> FinishedAsync(string location) =>
        await Eventually.ReturnsAsync(
            async () => JsonDocument.Parse(await fixture.Http.GetStringAsync(location)).RootElement,
            s => s.GetProperty("state").GetString() is "Completed" or "Failed" or "Cancelled",
            TimeSpan.FromMinutes(3), $"{location} to finish");

    [Fact]
    public async Task DefineTrainPromote_OverHttp()
    {
        await IngestPimaAsync();
        using var define = await fixture.Http.PutAsync("/api/models/api-pima-risk", JsonContent.Create(Definition()));
        Assert.Equal(HttpStatusCode.OK, define.StatusCode);

        using var train = await fixture.Http.PostAsync("/api/models/api-pima-risk/versions", JsonContent.Create(new { trees = 20, shards = 2, seed = 4, topK = 4 }));
        Assert.Equal(HttpStatusCode.Accepted, train.StatusCode);
        var location = train.Headers.Location!.ToString();
        Assert.Equal("/api/models/api-pima-risk/versions/1", location);

        var version = await FinishedAsync(location);
        Assert.Equal("Completed", version.GetProperty("state").GetString());
        Assert.Equal(20, version.GetProperty("forestTrees").GetInt32());
        Assert.Equal(2, version.GetProperty("shards").GetArrayLength());
        Assert.Equal(5, version.GetProperty("ranking").GetArrayLength());
        Assert.Equal(4, version.GetProperty("selectedFeatures").EnumerateArray().Count(f => !f.GetString()!.EndsWith("(missing)", StringComparison.Ordinal)));
        var forest = version.GetProperty("forest");
        Assert.InRange(forest.GetProperty("auroc").GetDouble(), 0.7, 1.0);
        Assert.Equal(10, forest.GetProperty("calibration").GetArrayLength());
        Assert.True(version.GetProperty("baseline").GetProperty("auroc").GetDouble() > 0.7);
        Assert.Contains(version.GetProperty("winner").GetString(), new[] { "forest", "baseline" });

        using var promote = await fixture.Http.PostAsync($"{location}/promote", null);
        Assert.Equal(HttpStatusCode.OK, promote.StatusCode);
        Assert.Equal(1, (await JsonAsync(promote)).GetProperty("activeVersion").GetInt32());

        // The model list (what the dashboard's patient page asks every active model from) is open to clinicians.
        using var clinician = TestAuth.Client(fixture.Http.BaseAddress, token: TestAuth.Token([OrleansHealth.Silo.Security.Roles.Clinician]));
        var listed = JsonDocument.Parse(await clinician.GetStringAsync("/api/models")).RootElement.EnumerateArray()
            .Single(m => m.GetProperty("name").GetString() == "api-pima-risk");
        Assert.Equal(1, listed.GetProperty("activeVersion").GetInt32());
        Assert.Equal(1, listed.GetProperty("versions").GetInt32());
        Assert.Equal("Pima diabetes from the tabular columns", listed.GetProperty("description").GetString());
        Assert.False(listed.GetProperty("ranksTreatments").GetBoolean());
    }

    [Fact]
    public async Task ModelList_HasADefinedModelBeforeItsFirstVersion_AndNeedsAToken()
    {
        using var define = await fixture.Http.PutAsync("/api/models/api-listed", JsonContent.Create(Definition()));
        Assert.Equal(HttpStatusCode.OK, define.StatusCode);
        var listed = JsonDocument.Parse(await fixture.Http.GetStringAsync("/api/models")).RootElement.EnumerateArray()
            .Single(m => m.GetProperty("name").GetString() == "api-listed");
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("activeVersion").ValueKind);
        Assert.Equal(0, listed.GetProperty("versions").GetInt32());

        using var anonymous = new HttpClient { BaseAddress = fixture.Http.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/models")).StatusCode);
    }

    [Fact]
    public async Task BadInput_GetsProblemsThatSayWhatToChange()
    {
        await IngestPimaAsync();
        using (var malformed = await fixture.Http.PutAsync("/api/models/api-bad", new StringContent("{\"features\": [", Encoding.UTF8, "application/json")))
        {
            Assert.Contains("not valid JSON", (await ProblemAsync(malformed, HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        }

        using (var noOutcome = await fixture.Http.PutAsync("/api/models/api-bad", JsonContent.Create(new { features = new[] { new { name = "age", kind = "age" } } })))
        {
            Assert.Contains("outcome", (await ProblemAsync(noOutcome, HttpStatusCode.BadRequest)).GetProperty("errors").ToString());
        }

        using (var unknownKind = await fixture.Http.PutAsync("/api/models/api-bad", JsonContent.Create(new { features = new[] { new { name = "x", kind = "horoscope" } }, outcome = new { kind = "label", code = "y" } })))
        {
            await ProblemAsync(unknownKind, HttpStatusCode.BadRequest);
        }

        using (var badName = await fixture.Http.PutAsync("/api/models/Bad_Name", JsonContent.Create(Definition())))
        {
            await ProblemAsync(badName, HttpStatusCode.BadRequest);
        }

        using (var unknownModel = await fixture.Http.PostAsync("/api/models/never-defined/versions", JsonContent.Create(new { trees = 10 })))
        {
            await ProblemAsync(unknownModel, HttpStatusCode.NotFound);
        }

        using (var define = await fixture.Http.PutAsync("/api/models/api-bad", JsonContent.Create(Definition())))
        {
            define.EnsureSuccessStatusCode();
        }

        using (var absurd = await fixture.Http.PostAsync("/api/models/api-bad/versions", JsonContent.Create(new { trees = 100000, shards = 500, featureFraction = 3, learner = "FastForest" })))
        {
            var errors = (await ProblemAsync(absurd, HttpStatusCode.BadRequest)).GetProperty("errors").ToString();
            Assert.Contains("shards", errors);
            Assert.Contains("FeatureFraction", errors, StringComparison.OrdinalIgnoreCase);
        }

        using (var unknownVersion = await fixture.Http.GetAsync("/api/models/api-bad/versions/42"))
        {
            await ProblemAsync(unknownVersion, HttpStatusCode.NotFound);
        }

        using (var oneClass = await fixture.Http.PutAsync("/api/models/api-one-class", JsonContent.Create(Definition(outcome: "Pregnancies"))))
        {
            oneClass.EnsureSuccessStatusCode();
        }

        // Pregnancies as the label: "1" is positive, everything else negative — two classes; a column no row has gives an empty cohort.
        using (var noCohort = await fixture.Http.PutAsync("/api/models/api-no-cohort", JsonContent.Create(Definition(outcome: "NoSuchColumn"))))
        {
            noCohort.EnsureSuccessStatusCode();
        }

        using (var empty = await fixture.Http.PostAsync("/api/models/api-no-cohort/versions", JsonContent.Create(new { trees = 10 })))
        {
            Assert.Contains("cohort is empty", (await ProblemAsync(empty, HttpStatusCode.BadRequest)).GetProperty("errors").ToString());
        }

        using var ready = await fixture.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
