using OrleansHealth.Silo.Hosting;

namespace OrleansHealth.Silo.Tests.Hosting;

/// <summary>The last lines of <c>dotnet run</c>: a dashboard link that opens a patient signed in, and an ohealth line to paste.</summary>
public sealed class StartupHintTests
{
    private const string Patient = "p-abcdefghij0123456789";

    [Fact]
    public void WithADevelopmentToken_TheLinkCarriesItInTheFragment_AndOpensTheSamplePatient()
    {
        var hint = StartupHint.Format(8080, "tok.en.value", Patient);

        Assert.Contains($"http://localhost:8080/ui/#/patients/{Patient}?token=tok.en.value", hint);
        Assert.Contains($"dotnet run --project src/OrleansHealth.Cli -- predict --patient {Patient} --model diabetes-onset", hint);
        // The CLI's default address is port 8080: no --url needed there.
        Assert.DoesNotContain("--url", hint);
    }

    [Fact]
    public void OnAnotherPort_WithoutATokenOrDemo_TheHintSaysToSignIn_AndTheExampleNamesTheUrl()
    {
        var hint = StartupHint.Format(9090, token: null, samplePatient: null);

        Assert.Contains("http://localhost:9090/ui/#/patients", hint);
        Assert.DoesNotContain("token=", hint);
        Assert.Contains("sign in with your token", hint);
        Assert.Contains("sources list --url http://localhost:9090", hint);
    }
}
