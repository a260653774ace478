namespace OrleansHealth.Synthetic.Sources;

/// <summary>How a source writes telephone numbers.</summary>
public enum PhoneStyle
{
    /// <summary>617-555-0123</summary>
    Dashed = 0,

    /// <summary>(617) 555-0123</summary>
    Parenthesized = 1,

    /// <summary>6175550123</summary>
    Digits = 2,

    /// <summary>+1 617 555 0123</summary>
    International = 3,
}
