namespace OrleansHealth.Cli.Connection;

/// <summary>What the cluster answered instead of success (or that it could not be reached), with the exit code it maps to.</summary>
public sealed class ClusterException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
