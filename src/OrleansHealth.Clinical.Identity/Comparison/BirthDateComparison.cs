namespace OrleansHealth.Clinical.Identity.Comparison;

/// <summary>
/// Compares birth dates allowing for the two commonest entry errors: day and month swapped
/// (03/04 typed as 04/03, or a US/European format mix-up) and one wrong or two adjacent swapped
/// digits in YYYYMMDD.
/// </summary>
public static class BirthDateComparison
{
    /// <summary><see cref="FieldAgreement.Exact"/>, <see cref="FieldAgreement.Transposed"/>, <see cref="FieldAgreement.Typo"/>, <see cref="FieldAgreement.Disagree"/> or <see cref="FieldAgreement.Missing"/>.</summary>
    public static FieldAgreement Compare(DateOnly? a, DateOnly? b)
    {
        if (a is not { } x || b is not { } y)
        {
            return FieldAgreement.Missing;
        }

        if (x == y)
        {
            return FieldAgreement.Exact;
        }

        if (x.Year == y.Year && x.Month == y.Day && x.Day == y.Month)
        {
            return FieldAgreement.Transposed;
        }

        return IsOneDigitApart(x, y) ? FieldAgreement.Typo : FieldAgreement.Disagree;
    }

    /// <summary>True when YYYYMMDD of the two dates differ in one digit, or in two adjacent digits swapped.</summary>
    public static bool IsOneDigitApart(DateOnly a, DateOnly b)
    {
        Span<int> x = stackalloc int[8];
        Span<int> y = stackalloc int[8];
        Digits(a, x);
        Digits(b, y);

        var first = -1;
        var differences = 0;
        for (var i = 0; i < 8; i++)
        {
            if (x[i] == y[i])
            {
                continue;
            }

            differences++;
            if (first < 0)
            {
                first = i;
            }
        }

        return differences switch
        {
            1 => true,
            2 => first < 7 && x[first] == y[first + 1] && x[first + 1] == y[first],
            _ => false,
        };
    }

    private static void Digits(DateOnly date, Span<int> digits)
    {
        var value = date.Year * 10000 + date.Month * 100 + date.Day;
        for (var i = 7; i >= 0; i--)
        {
            digits[i] = value % 10;
            value /= 10;
        }
    }
}
