namespace OrleansHealth.Cli;

/// <summary>The process exit codes every <c>ohealth</c> command uses.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Something failed while running (I/O, an unexpected error).</summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong: unknown command or option, a value out of range.</summary>
    public const int BadArguments = 2;
}
