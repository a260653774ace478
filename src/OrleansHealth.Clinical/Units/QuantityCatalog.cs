namespace OrleansHealth.Clinical.Units;

/// <summary>
/// The quantities whose units are normalised, keyed by LOINC code. Factors are the standard clinical
/// conversions (glucose 18.016 mg/dL per mmol/L, cholesterol 38.67, triglycerides 88.57, creatinine
/// 88.42 µmol/L per mg/dL; HbA1c by the NGSP–IFCC master equation % = 0.09148 × mmol/mol + 2.152).
/// </summary>
public static class QuantityCatalog
{
    private static readonly QuantityKind[] Kinds =
    [
        Kind("glucose", ["2339-0", "2345-7", "41653-7", "15074-8", "14749-6", "1558-6"], "mg/dL", 5, 2000,
            U("mg/dL"), U("mmol/L", 18.016)),
        Kind("HbA1c", ["4548-4", "17856-6", "59261-8"], "%", 2, 25,
            U("%"), U("mmol/mol", 0.09148, 2.152)),
        Kind("body weight", ["29463-7", "3141-9"], "kg", 0.2, 700,
            U("kg"), U("g", 0.001), U("[lb_av]", 0.45359237), U("[oz_av]", 0.028349523125)),
        Kind("body height", ["8302-2", "8306-3", "3137-7"], "cm", 20, 280,
            U("cm"), U("m", 100), U("[in_i]", 2.54), U("[ft_i]", 30.48)),
        Kind("body temperature", ["8310-5", "8331-1", "8332-9", "8333-7"], "Cel", 25, 46,
            U("Cel"), U("[degF]", 5.0 / 9.0, -32.0 * 5.0 / 9.0), U("K", 1, -273.15)),
        Kind("body mass index", ["39156-5"], "kg/m2", 5, 150, U("kg/m2")),
        Kind("systolic blood pressure", ["8480-6"], "mm[Hg]", 30, 300, U("mm[Hg]")),
        Kind("diastolic blood pressure", ["8462-4"], "mm[Hg]", 10, 250, U("mm[Hg]")),
        Kind("heart rate", ["8867-4"], "/min", 10, 350, U("/min")),
        Kind("respiratory rate", ["9279-1"], "/min", 2, 120, U("/min")),
        Kind("total cholesterol", ["2093-3"], "mg/dL", 20, 2000, U("mg/dL"), U("mmol/L", 38.67)),
        Kind("LDL cholesterol", ["18262-6", "13457-7", "2089-1"], "mg/dL", 1, 1500, U("mg/dL"), U("mmol/L", 38.67)),
        Kind("HDL cholesterol", ["2085-9"], "mg/dL", 1, 300, U("mg/dL"), U("mmol/L", 38.67)),
        Kind("triglycerides", ["2571-8"], "mg/dL", 5, 10000, U("mg/dL"), U("mmol/L", 88.57)),
        Kind("creatinine", ["2160-0", "38483-4"], "mg/dL", 0.05, 40, U("mg/dL"), U("umol/L", 1 / 88.42)),
    ];

    private static readonly Dictionary<string, QuantityKind> ByLoinc =
        Kinds.SelectMany(k => k.LoincCodes.Select(code => (code, k))).ToDictionary(x => x.code, x => x.k, StringComparer.Ordinal);

    public static IReadOnlyList<QuantityKind> All => Kinds;

    public static QuantityKind? ForLoinc(string code) => ByLoinc.GetValueOrDefault(code);

    private static (string Unit, UnitConversion Conversion) U(string unit, double factor = 1, double offset = 0) =>
        (unit, new UnitConversion(factor, offset));

    private static QuantityKind Kind(string name, string[] codes, string canonical, double min, double max,
        params (string Unit, UnitConversion Conversion)[] units) =>
        new(name, codes, canonical, units.ToDictionary(u => u.Unit, u => u.Conversion, StringComparer.Ordinal), min, max);
}
