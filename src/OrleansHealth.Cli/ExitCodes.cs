namespace OrleansHealth.Cli;

/// <summary>The process exit codes every <c>ohealth</c> command uses.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Something failed while running (I/O, an unexpected error).</summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong: unknown command or option, a value out of range.</summary>
    public const int BadArguments = 2;

    /// <summary>The cluster knows no such source, patient, model or version (HTTP 404).</summary>
    public const int NotFound = 3;

    /// <summary>The cluster refused the credentials (HTTP 401) or the role (403).</summary>
    public const int Refused = 4;

    /// <summary>The cluster cannot be reached, or answered that it is unavailable for now (503): try again.</summary>
    public const int Unavailable = 5;

    /// <summary>The cluster rejected what was sent (HTTP 400, 409, 413, 415): the message says why.</summary>
    public const int Rejected = 6;
}
