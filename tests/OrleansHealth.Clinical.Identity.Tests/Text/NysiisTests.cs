using OrleansHealth.Clinical.Identity.Text;

namespace OrleansHealth.Clinical.Identity.Tests.Text;

public sealed class NysiisTests
{
    // Reference values published with Apache Commons Codec's NYSIIS (full-length variant).
    [Theory]
    [InlineData("MACINTOSH", "MCANT")]
    [InlineData("KNUTH", "NAT")]
    [InlineData("KOEHN", "CAN")]
    [InlineData("PHILLIPSON", "FALAPSAN")]
    [InlineData("PFEISTER", "FASTAR")]
    [InlineData("MCKEE", "MCY")]
    [InlineData("MACKIE", "MCY")]
    [InlineData("HEITSCHMIDT", "HATSNAD")]
    [InlineData("BART", "BAD")]
    [InlineData("HUNT", "HAD")]
    [InlineData("WESTERLUND", "WASTARLAD")]
    [InlineData("CASSTEVENS", "CASTAFAN")]
    [InlineData("VASQUEZ", "VASG")]
    [InlineData("FRAZIER", "FRASAR")]
    [InlineData("BOWMAN", "BANAN")]
    [InlineData("MCKNIGHT", "MCNAGT")]
    [InlineData("DEUTSCH", "DAT")]
    [InlineData("SHRIVER", "SRAVAR")]
    [InlineData("KUHL", "CAL")]
    [InlineData("JILES", "JAL")]
    [InlineData("CARRAWAY", "CARY")]
    [InlineData("YAMADA", "YANAD")]
    [InlineData("O'Daniel", "ODANAL")]
    [InlineData("Corey", "CARY")]
    [InlineData("FUZZY", "FASY")]
    [InlineData("Kobwick", "CABWAC")]
    [InlineData("Uhu", "UH")]
    public void Encode_FullLength_ReferenceCode(string name, string expected) => Assert.Equal(expected, Nysiis.Encode(name, maxLength: 0));

    [Theory]
    [InlineData("WESTERLUND", "WASTAR")]
    [InlineData("Trueman", "TRANAN")]
    [InlineData("Brian", "BRAN")]
    [InlineData("Brown", "BRAN")]
    [InlineData("Schmidt", "SNAD")]
    [InlineData("Smith", "SNAT")]
    public void Encode_Strict_TruncatedToSix(string name, string expected) => Assert.Equal(expected, Nysiis.Encode(name));

    [Theory]
    [InlineData("XS", "X")]
    [InlineData("XAY", "XY")]
    [InlineData("XA", "X")]
    [InlineData("XEV", "XAF")]
    [InlineData("SCHX", "SX")]
    [InlineData("XND", "XD")]
    [InlineData("XIE", "XY")]
    public void Encode_SingleRules_Applied(string name, string expected) => Assert.Equal(expected, Nysiis.Encode(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("99")]
    public void Encode_NoLetter_Null(string? name) => Assert.Null(Nysiis.Encode(name));
}
