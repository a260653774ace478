namespace OrleansHealth.Synthetic.Clinical;

/// <summary>Which units a source reports in.</summary>
public enum UnitProfile
{
    /// <summary>kg, cm, mg/dL, Cel, % (what the truth holds).</summary>
    Canonical = 0,

    /// <summary>[lb_av], [in_i], mmol/L for glucose, [degF], mmol/mol for HbA1c.</summary>
    Alternative = 1,
}
