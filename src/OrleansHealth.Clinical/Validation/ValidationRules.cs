namespace OrleansHealth.Clinical.Validation;

/// <summary>The names of the validation rules; they key the quality figures "validity failures by rule".</summary>
public static class ValidationRules
{
    public const string MissingSubject = "missing-subject";
    public const string MissingCode = "missing-code";
    public const string BirthDateInFuture = "birth-date-in-future";
    public const string BirthDateImplausible = "birth-date-implausible";
    public const string DeceasedBeforeBirth = "deceased-before-birth";
    public const string ImpossibleValue = "impossible-value";
    public const string UnknownUnit = "unknown-unit";
    public const string DateInFuture = "date-in-future";
    public const string EndBeforeStart = "end-before-start";

    /// <summary>Not a content rule: the record parsed and validated but no patient could be found for its subject.</summary>
    public const string Unlinked = "unlinked-subject";

    /// <summary>Not a content rule: the reader could not parse the record.</summary>
    public const string Unparseable = "unparseable";
}
