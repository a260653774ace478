namespace OrleansHealth.Clinical.Reading;

/// <summary>
/// The body as a whole cannot be read: not JSON at all, a CSV without its required columns, a limit
/// exceeded. The ingest endpoint answers 4xx with <see cref="Exception.Message"/>, which must say what
/// to fix. Records read before the problem (<see cref="Line"/>) have already been processed.
/// </summary>
public sealed class InputFormatException(string message, int? line = null, bool tooLarge = false) : Exception(message)
{
    /// <summary>The line (or entry) where reading stopped, when known.</summary>
    public int? Line { get; } = line;

    /// <summary>True when a size limit was exceeded (HTTP 413), false for malformed input (HTTP 400).</summary>
    public bool TooLarge { get; } = tooLarge;
}
