namespace OrleansHealth.Silo.Security;

/// <summary>
/// The roles a token's <c>role</c> claims grant. A token may hold several. SMART-on-FHIR scopes map onto them
/// (<see cref="SmartScopes"/>).
/// </summary>
public static class Roles
{
    /// <summary>An upstream feed: may push records, and only to the source named in its <c>source</c> claim.</summary>
    public const string Feed = "feed";

    /// <summary>Reads profiles, predictions, explanations and treatment rankings (possibly only of listed patients).</summary>
    public const string Clinician = "clinician";

    /// <summary>Defines and trains models; sees models and versions, which hold only de-identified data.</summary>
    public const string Analyst = "analyst";

    /// <summary>Runs the system: sources, quarantine and review, promotion, the cluster view, the dashboard.</summary>
    public const string Admin = "admin";
}

/// <summary>The authorization policies the endpoint groups require, each a set of roles any one of which suffices.</summary>
public static class Policies
{
    public const string Ingest = "ingest";
    public const string ClinicalRead = "clinical-read";
    public const string Modelling = "modelling";
    public const string Administration = "administration";

    /// <summary>Any person's role (not a feed's): for what every page of the dashboard needs, such as the model list.</summary>
    public const string Staff = "staff";

    public static readonly IReadOnlyDictionary<string, string[]> RolesOf = new Dictionary<string, string[]>
    {
        [Ingest] = [Roles.Feed, Roles.Admin],
        [ClinicalRead] = [Roles.Clinician],
        [Modelling] = [Roles.Analyst, Roles.Admin],
        [Administration] = [Roles.Admin],
        [Staff] = [Roles.Clinician, Roles.Analyst, Roles.Admin],
    };
}
