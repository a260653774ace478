using Microsoft.Net.Http.Headers;

namespace OrleansHealth.Silo.Dashboard;

/// <summary>
/// <c>/ui</c>: the clinical web dashboard. The files themselves are open (they hold no data and no secret);
/// every figure on the pages comes from the <c>/api</c> routes with the user's bearer token, so the dashboard
/// is exactly as protected as the API behind it.
/// </summary>
public static class DashboardEndpoints
{
    public const string Path = "/ui";

    // Scripts and styles from this origin only; no inline script, no framing, no referrer leaving the page.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        var assets = new DashboardAssets();
        // Routing treats "/ui" and "/ui/" alike; the page's relative links need the slash, so add it when missing.
        endpoints.MapGet(Path, (HttpContext context) => context.Request.Path.Value!.EndsWith('/')
                ? Serve(assets, null, context)
                : Results.Redirect($"{Path}/"))
            .AllowAnonymous()
            .ExcludeFromDescription();
        endpoints.MapGet($"{Path}/{{**file}}", (string? file, HttpContext context) => Serve(assets, file, context))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return endpoints;
    }

    private static IResult Serve(DashboardAssets assets, string? file, HttpContext context)
    {
        var asset = assets.Find(string.IsNullOrEmpty(file) ? "index.html" : file);
        if (asset is null)
        {
            return Results.Problem(detail: $"The dashboard has no file '{file}'; open {Path}/.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        var headers = context.Response.Headers;
        headers.ETag = asset.ETag;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        return context.Request.Headers.IfNoneMatch == asset.ETag
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(asset.Content, asset.ContentType);
    }
}
