using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace OrleansHealth.Silo.Api;

/// <summary>
/// Reads a JSON body with the API's serializer settings and turns a syntax or type error into a
/// problem that names where it is (ASP.NET's own binding failure says only "bad request").
/// </summary>
internal static class JsonBody
{
    public const int MaxBytes = 1 << 20;

    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength is > MaxBytes)
        {
            return (null, TypedResults.Problem(detail: $"The body is larger than {MaxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large"));
        }

        if (request.ContentType is { } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, TypedResults.Problem(detail: $"Send the body as application/json, not {type}.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type"));
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, cancellationToken);
            return value is null ? (null, Invalid("The body is empty or null; send a JSON object.")) : (value, null);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 1 } path ? $" at {path}" : "";
            return (null, Invalid($"The body is not valid JSON for this request{where} (line {(e.LineNumber ?? 0) + 1}): {e.Message.Split(" Path:")[0]}"));
        }
    }

    private static ProblemHttpResult Invalid(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Malformed request body");
}
