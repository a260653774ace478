namespace OrleansHealth.Silo.Hosting;

/// <summary>
/// A start-up problem an operator fixes by changing one setting. The host prints it as a single
/// line naming that setting and exits non-zero, without a stack trace.
/// </summary>
public sealed class StartupConfigurationException(string setting, string message, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The configuration key to fix, for example <c>ConnectionStrings:Postgres</c>.</summary>
    public string Setting { get; } = setting;

    public string ToOneLine() => $"error: {Setting}: {Message}";
}
