namespace OrleansHealth.Silo.Audit;

/// <summary>Where the embedded mode keeps its trail (section <c>Audit</c>); the PostgreSQL mode uses its database.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// Directory of the embedded mode's append-only files. It must outlive the silo, so the default is in the
    /// user's local data folder, not in a temporary one.
    /// </summary>
    public string Directory { get; set; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "OrleansHealth", "audit");
}
