using System.Net;
using System.Text;
using System.Text.Json;
using OrleansHealth.Silo.Audit;
using OrleansHealth.Silo.Security;

namespace OrleansHealth.Silo.Tests.Audit;

/// <summary>
/// The audit trail through a running silo: every audited action leaves its event (who, roles, patient or object,
/// outcome, client), refusals included; admins query it; an event that cannot be written withholds the answer.
/// </summary>
public sealed class AuditTrailApiTests : IAsyncLifetime
{
    private const string Source = "audit-pima";
    private const string Model = "audit-model";
    private const string Clinician = "dr-ada";
    private const string Analyst = "an-bo";
    private const string Admin = "ad-cy";
    private static readonly string[] Columns = ["Glucose", "BMI", "Age"];

    private InProcessSilo _silo = null!;
    private HttpClient _admin = null!;
    private HttpClient _analyst = null!;
    private HttpClient _clinician = null!;

    public async Task InitializeAsync()
    {
        _silo = await InProcessSilo.StartAsync();
        _admin = Client(TestAuth.TokenFor(Admin, [Roles.Admin]));
        _analyst = Client(TestAuth.TokenFor(Analyst, [Roles.Analyst]));
        _clinician = Client(TestAuth.TokenFor(Clinician, [Roles.Clinician]));
    }

    public async Task DisposeAsync()
    {
        foreach (var client in new[] { _admin, _analyst, _clinician })
        {
            client.Dispose();
        }

        await _silo.DisposeAsync();
    }

    [Fact]
    public async Task EveryAuditedAction_LeavesItsEvent_WithWhoWhatAndHowItEnded()
    {
        // Changes: a source, a feed key, an ingest through that key, a model, a version, its promotion.
        (await _admin.PutAsJsonAsync($"/api/sources/{Source}", new { name = "Pima", format = "csv" })).EnsureSuccessStatusCode();
        using var created = await _admin.PostAsync($"/api/sources/{Source}/keys", null);
        var key = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        using var feed = new HttpClient { BaseAddress = _silo.Http.BaseAddress };
        feed.DefaultRequestHeaders.Add(FeedKeys.Header, key.GetProperty("key").GetString());
        var csv = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.SharedData, "ml", "pima_diabetes.csv"));
        (await feed.PostAsync($"/api/sources/{Source}/records?format=tabular", new StringContent(csv, Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        var definition = new
        {
            features = Columns.Select(c => new { name = c, kind = "column", source = Source, code = c }).ToArray(),
            outcome = new { kind = "label", source = Source, code = "Outcome" },
        };
        (await _analyst.PutAsJsonAsync($"/api/models/{Model}", definition)).EnsureSuccessStatusCode();
        using var train = await _analyst.PostAsJsonAsync($"/api/models/{Model}/versions", new { trees = 10, shards = 2, seed = 3 });
        var version = train.Headers.Location!.ToString();
        await Eventually.ReturnsAsync(async () => JsonDocument.Parse(await _analyst.GetStringAsync(version)).RootElement,
            v => v.GetProperty("state").GetString() == "Completed", TimeSpan.FromMinutes(2), "the version to complete");
        (await _admin.PostAsync($"{version}/promote", null)).EnsureSuccessStatusCode();
        (await _analyst.PostAsync($"{version}/cancel", null)).EnsureSuccessStatusCode();
        (await _analyst.GetAsync($"{version}/holdout")).EnsureSuccessStatusCode();
        (await _analyst.GetAsync($"/api/models/{Model}/dataset")).EnsureSuccessStatusCode();

        // Reads of patient data.
        var link = JsonDocument.Parse(await _clinician.GetStringAsync($"/api/patients?source={Source}&localId=row-3")).RootElement;
        var patient = link.GetProperty("patientId").GetString()!;
        (await _clinician.GetAsync($"/api/patients/{patient}")).EnsureSuccessStatusCode();
        (await _clinician.GetAsync($"/api/patients/{patient}/predictions/{Model}")).EnsureSuccessStatusCode();
        (await _clinician.GetAsync($"/api/patients/{patient}/explanations/{Model}")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await _clinician.GetAsync($"/api/patients/{patient}/treatments/{Model}")).StatusCode);
        using var batch = await _clinician.PostAsync($"/api/models/{Model}/predict",
            new StringContent($$"""{"patientId":"{{patient}}"}""" + "\n" + """{"patientId":"p-nobody"}""" + "\n", Encoding.UTF8, "application/x-ndjson"));
        batch.EnsureSuccessStatusCode();
        (await _admin.GetAsync($"/api/sources/{Source}/quarantine")).EnsureSuccessStatusCode();
        (await _admin.GetAsync($"/api/sources/{Source}/review")).EnsureSuccessStatusCode();
        (await _admin.DeleteAsync($"/api/sources/{Source}/keys/{key.GetProperty("id").GetString()}")).EnsureSuccessStatusCode();

        // Refusals: a role that may not, a patient outside the token's list, no token at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await _clinician.PostAsync($"{version}/promote", null)).StatusCode);
        using var restricted = Client(TestAuth.TokenFor("dr-restricted", [Roles.Clinician], (Access.PatientClaim, "p-someone-else")));
        Assert.Equal(HttpStatusCode.NotFound, (await restricted.GetAsync($"/api/patients/{patient}")).StatusCode);
        using var anonymous = new HttpClient { BaseAddress = _silo.Http.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/patients/{patient}")).StatusCode);

        var versionNumber = version[(version.LastIndexOf('/') + 1)..];
        var sourceObject = $"sourceId={Source}";
        var modelObject = $"model={Model}";
        var versionObject = $"model={Model} version={versionNumber}";
        await ExpectAsync(AuditActions.SourceRegister, Admin, "admin", null, sourceObject, AuditOutcomes.Success, 201);
        await ExpectAsync(AuditActions.FeedKeyCreate, Admin, "admin", null, sourceObject, AuditOutcomes.Success, 201);
        await ExpectAsync(AuditActions.RecordsIngest, $"feed:{Source}:{key.GetProperty("id").GetString()}", "feed", null, sourceObject, AuditOutcomes.Success, 200);
        await ExpectAsync(AuditActions.ModelDefine, Analyst, "analyst", null, modelObject, AuditOutcomes.Success, 200);
        await ExpectAsync(AuditActions.VersionTrain, Analyst, "analyst", null, modelObject, AuditOutcomes.Success, 202);
        await ExpectAsync(AuditActions.VersionPromote, Admin, "admin", null, versionObject, AuditOutcomes.Success, 200);
        await ExpectAsync(AuditActions.VersionCancel, Analyst, "analyst", null, versionObject, AuditOutcomes.Success, 200);
        await ExpectAsync(AuditActions.HoldoutRead, Analyst, "analyst", null, versionObject, AuditOutcomes.Success, 200);
        await ExpectAsync(AuditActions.DatasetExport, Analyst, "analyst", null, modelObject, AuditOutcomes.Success, 200);
        await ExpectAsync(AuditActions.PatientResolve, Clinician, "clinician", patient, null, AuditOutcomes.Success, 200);
        await ExpectAsync(AuditActions.PatientRead, Clinician, "clinician", patient, null, AuditOutcomes.Success, 200);
        await ExpectAsync(AuditActions.PredictionRead, Clinician, "clinician", patient, modelObject, AuditOutcomes.Success, 200);
        await ExpectAsync(AuditActions.ExplanationRead, Clinician, "clinician", patient, modelObject, AuditOutcomes.Success, 200);
        await ExpectAsync(AuditActions.TreatmentsRead, Clinician, "clinician", patient, modelObject, AuditOutcomes.Rejected, 409);
        await ExpectAsync(AuditActions.BatchPrediction, Clinician, "clinician", patient, modelObject, AuditOutcomes.Success, 200);
        await ExpectAsync(AuditActions.BatchPrediction, Clinician, "clinician", "p-nobody", modelObject, AuditOutcomes.NotFound, 404);
        await ExpectAsync(AuditActions.QuarantineRead, Admin, "admin", null, sourceObject, AuditOutcomes.Success, 200);
        await ExpectAsync(AuditActions.ReviewRead, Admin, "admin", null, sourceObject, AuditOutcomes.Success, 200);
        await ExpectAsync(AuditActions.FeedKeyRevoke, Admin, "admin", null, $"keyId={key.GetProperty("id").GetString()} {sourceObject}", AuditOutcomes.Success, 204);
        await ExpectAsync(AuditActions.VersionPromote, Clinician, "clinician", null, versionObject, AuditOutcomes.Denied, 403);
        await ExpectAsync(AuditActions.PatientRead, "dr-restricted", "clinician", patient, null, AuditOutcomes.NotFound, 404);
        await ExpectAsync(AuditActions.PatientRead, "anonymous", "", patient, null, AuditOutcomes.Denied, 401);

        // Reading the trail is itself recorded, and a patient's whole history is one query.
        await ExpectAsync(AuditActions.AuditRead, Admin, "admin", null, null, AuditOutcomes.Success, 200);
        var history = await EventsAsync($"patient={patient}");
        Assert.Equal(8, history.Count);
        Assert.Equal(5, history.Count(e => e.GetProperty("outcome").GetString() == AuditOutcomes.Success));
    }

    [Fact]
    public async Task AnEventThatCannotBeWritten_WithholdsTheAnswer_UntilTheTrailIsBack()
    {
        (await _admin.PutAsJsonAsync("/api/sources/audit-down", new { name = "down", format = "fhir-ndjson" })).EnsureSuccessStatusCode();
        (await _admin.PostAsync("/api/sources/audit-down/records", Ndjson("""{"resourceType":"Patient","id":"d-1","name":[{"family":"Wennerström","given":["Ida"]}]}""")))
            .EnsureSuccessStatusCode();
        var patient = JsonDocument.Parse(await _clinician.GetStringAsync("/api/patients?source=audit-down&localId=d-1")).RootElement.GetProperty("patientId").GetString()!;

        // The trail's directory becomes unwritable (here: replaced by a file, which holds even for root).
        Directory.Delete(_silo.AuditDirectory, recursive: true);
        await File.WriteAllTextAsync(_silo.AuditDirectory, "");
        try
        {
            using var read = await _clinician.GetAsync($"/api/patients/{patient}");
            var body = await read.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode);
            Assert.NotNull(read.Headers.RetryAfter);
            Assert.Contains("audit trail", body);
            Assert.DoesNotContain("Wennerstr", body);

            using var batch = await _clinician.PostAsync("/api/models/any/predict", new StringContent($$"""{"patientId":"{{patient}}"}""" + "\n", Encoding.UTF8, "application/x-ndjson"));
            Assert.NotEqual(HttpStatusCode.OK, batch.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable,
                (await _admin.PostAsync("/api/sources/audit-down/records", Ndjson("""{"resourceType":"Patient","id":"d-2"}"""))).StatusCode);
        }
        finally
        {
            File.Delete(_silo.AuditDirectory);
            Directory.CreateDirectory(_silo.AuditDirectory);
        }

        using var again = await _clinician.GetAsync($"/api/patients/{patient}");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Wennerstr", await again.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=100000")]
    [InlineData("from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z")]
    [InlineData("from=yesterday")]
    public async Task ABadQuery_IsA400(string query) =>
        Assert.Equal(HttpStatusCode.BadRequest, (await _admin.GetAsync($"/api/audit?{query}")).StatusCode);

    [Fact]
    public async Task OnlyAdmins_ReadTheTrail()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _clinician.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _analyst.GetAsync("/api/audit")).StatusCode);
    }

    private async Task ExpectAsync(string action, string actor, string roles, string? patient, string? @object, string outcome, int status)
    {
        var events = await EventsAsync($"action={action}&actor={Uri.EscapeDataString(actor)}");
        Assert.True(events.Any(e =>
                e.GetProperty("roles").GetString() == roles
                && e.GetProperty("patientId").GetString() == patient
                && e.GetProperty("object").GetString() == @object
                && e.GetProperty("outcome").GetString() == outcome
                && e.GetProperty("status").GetInt32() == status
                && e.GetProperty("client").GetString() == "127.0.0.1"
                && e.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5)),
            $"no {action} event by {actor} ({roles}) for patient {patient}, object {@object}, {outcome} {status}; found: " +
            string.Join(" | ", events.Select(e => e.ToString())));
    }

    private async Task<List<JsonElement>> EventsAsync(string query)
    {
        using var response = await _admin.GetAsync($"/api/audit?{query}&limit=1000");
        response.EnsureSuccessStatusCode();
        return [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("events").EnumerateArray()];
    }

    private HttpClient Client(string token) => TestAuth.Client(_silo.Http.BaseAddress, token: token);

    private static StringContent Ndjson(string lines) => new(lines + "\n", Encoding.UTF8, "application/fhir+ndjson");
}
