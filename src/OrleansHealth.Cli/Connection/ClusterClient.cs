using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansHealth.Cli.Connection;

/// <summary>
/// The cluster's HTTP API as the commands need it: JSON in and out, and every failure turned into a
/// <see cref="ClusterException"/> whose message is the problem's detail (RFC 7807) and whose exit code says what
/// kind of failure it was.
/// </summary>
public sealed class ClusterClient : IDisposable
{
    private readonly HttpClient http;

    public ClusterClient(ClusterSettings settings, HttpMessageHandler? handler = null)
    {
        http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.BaseAddress = settings.BaseAddress;
        http.Timeout = Timeout.InfiniteTimeSpan;
        if (settings.BearerToken is { Length: > 0 } token)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public Uri BaseAddress => http.BaseAddress!;

    public Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    /// <summary>The API's JSON: camelCase, and options left unset are left out (the cluster's defaults apply).</summary>
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public Task<JsonElement> SendJsonAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken = default) =>
        SendAsync(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: Options) }, cancellationToken);

    public Task<JsonElement> PostAsync(string path, HttpContent content, CancellationToken cancellationToken = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = content }, cancellationToken);

    /// <summary>Sends the request; the answer's JSON (an empty object for an empty body), or a <see cref="ClusterException"/>.</summary>
    public async Task<JsonElement> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        using (request)
        {
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                throw new ClusterException(ExitCodes.Unavailable, $"cannot reach the cluster at {BaseAddress}: {ex.Message}");
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    throw new ClusterException(ExitCodeOf(response.StatusCode), Describe(response, body));
                }

                return body.Length == 0 ? JsonDocument.Parse("{}").RootElement : JsonDocument.Parse(body).RootElement;
            }
        }
    }

    public void Dispose() => http.Dispose();

    private static int ExitCodeOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound => ExitCodes.NotFound,
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ExitCodes.Refused,
        HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout => ExitCodes.Unavailable,
        >= HttpStatusCode.InternalServerError => ExitCodes.Failure,
        _ => ExitCodes.Rejected,
    };

    /// <summary>The problem's title, detail and field errors in one line; the status alone when the body says nothing.</summary>
    private static string Describe(HttpResponseMessage response, string body)
    {
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return $"{status}: no valid token; pass --token or set {ClusterSettings.TokenVariable}.";
        }

        try
        {
            var problem = JsonDocument.Parse(body).RootElement;
            var parts = new List<string>();
            foreach (var name in new[] { "title", "detail" })
            {
                if (problem.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    parts.Add(value.GetString()!);
                }
            }

            if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                parts.AddRange(errors.EnumerateObject().Select(e => $"{e.Name}: {string.Join(" ", e.Value.EnumerateArray().Select(v => v.GetString()))}"));
            }

            return parts.Count == 0 ? status : $"{status}: {string.Join(" — ", parts)}";
        }
        catch (JsonException)
        {
            return status;
        }
    }
}
