namespace OrleansHealth.Clinical.Validation;

/// <summary>Why a record was refused: the rule it broke and a sentence a person can act on.</summary>
public sealed record ValidationFailure(string Rule, string Message);
