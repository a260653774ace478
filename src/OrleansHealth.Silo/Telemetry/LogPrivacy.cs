namespace OrleansHealth.Silo.Telemetry;

/// <summary>What the silo's logs must never carry, whatever the configured levels.</summary>
public static class LogPrivacy
{
    /// <summary>The category of ASP.NET Core's "Request starting … {Path}{QueryString}" lines.</summary>
    public const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>
    /// Holds ASP.NET Core's request lines back (Warning and above only), even when an operator turns
    /// <c>Microsoft.AspNetCore</c> up to Information: they print the query string as sent, which carries a source's own
    /// patient id (<c>GET /api/patients?source=…&amp;localId=…</c>) and the dashboard's <c>?access_token=</c>. Requests are
    /// still observable through the traces, whose instrumentation redacts query values. Registered after the
    /// configuration's rules, so it also wins over a rule for this exact category.
    /// </summary>
    public static ILoggingBuilder KeepQueryStringsOutOfLogs(this ILoggingBuilder logging) =>
        logging.AddFilter(HostingDiagnostics, level => level >= LogLevel.Warning);
}
