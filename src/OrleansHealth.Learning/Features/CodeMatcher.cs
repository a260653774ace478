namespace OrleansHealth.Learning.Features;

/// <summary>Matches a timeline's <c>system|code</c> strings against one code or code prefix.</summary>
internal sealed class CodeMatcher(string system, string code, bool prefix)
{
    private readonly string exact = $"{system}|{code}";

    public bool Matches(string systemAndCode) =>
        prefix ? systemAndCode.StartsWith(exact, StringComparison.Ordinal) : string.Equals(systemAndCode, exact, StringComparison.Ordinal);

    public override string ToString() => prefix ? exact + "*" : exact;
}
