using System.Text.Json;
using System.Text.RegularExpressions;
using OrleansHealth.Silo.Hosting;

namespace OrleansHealth.Deploy.Tests;

[Collection(SiloFactsCollection.Name)]
public sealed class DockerfileTests(SiloFacts silo)
{
    private static readonly IReadOnlyList<DockerInstruction> Instructions = Dockerfile.Load();

    /// <summary>The instructions of the last stage: what the image runs with.</summary>
    private static IReadOnlyList<DockerInstruction> RuntimeStage =>
        Instructions.Skip(Instructions.Select((d, i) => (d, i)).Last(x => x.d.Keyword == "FROM").i).ToList();

    [Fact]
    public void IsMultiStage_BuildingOnTheSdk_RunningOnTheAspNetImage()
    {
        var stages = Instructions.Where(i => i.Keyword == "FROM").Select(i => i.Arguments).ToList();

        Assert.True(stages.Count >= 2, "a build stage and a runtime stage");
        Assert.Contains("mcr.microsoft.com/dotnet/sdk:", stages[0], StringComparison.Ordinal);
        Assert.Contains("mcr.microsoft.com/dotnet/aspnet:", stages[^1], StringComparison.Ordinal);
        Assert.Contains(RuntimeStage, i => i.Keyword == "COPY" && i.Arguments.StartsWith("--from=", StringComparison.Ordinal));
    }

    [Fact]
    public void RestoresBeforeTheSourceIsCopied()
    {
        var restore = Instructions.Single(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet restore", StringComparison.Ordinal));
        var copiesBefore = Instructions.TakeWhile(i => i != restore).Where(i => i.Keyword == "COPY").ToList();
        var sourceCopy = Instructions.First(i => i.Keyword == "COPY" && CopySources(i).Any(s => s.TrimEnd('/') == "src"));

        Assert.True(restore.Line < sourceCopy.Line, "dotnet restore must run before src/ is copied");
        Assert.NotEmpty(copiesBefore);
        Assert.All(copiesBefore.SelectMany(CopySources), source =>
            Assert.Matches(@"(\.csproj|\.props|global\.json|\.editorconfig|\.sln)$", source));
    }

    [Fact]
    public void RestoreLayer_CopiesGlobalJsonThePropsAndEveryProjectTheSiloNeeds()
    {
        var restore = Instructions.Single(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet restore", StringComparison.Ordinal));
        var copied = Instructions.TakeWhile(i => i != restore).Where(i => i.Keyword == "COPY").SelectMany(CopySources).ToHashSet();

        Assert.Equal(SiloProject.Closure().Order(), copied.Where(c => c.EndsWith(".csproj", StringComparison.Ordinal)).Order());
        Assert.Contains("global.json", copied);
        Assert.Contains("Directory.Build.props", copied);
        Assert.Contains("Directory.Packages.props", copied);
        Assert.Contains(SiloProject.RelativePath, restore.Arguments, StringComparison.Ordinal);
    }

    [Fact]
    public void PublishesTheSilo_WithoutRestoringAgain_AfterCopyingWhatItEmbeds()
    {
        var publish = Instructions.Single(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal));
        var copiedBefore = Instructions.TakeWhile(i => i != publish).Where(i => i.Keyword == "COPY").SelectMany(CopySources)
            .Select(s => s.TrimEnd('/')).ToList();

        Assert.Contains(SiloProject.RelativePath, publish.Arguments, StringComparison.Ordinal);
        Assert.Contains("--no-restore", publish.Arguments, StringComparison.Ordinal);
        var embedded = SiloProject.EmbeddedFoldersOutsideSrc();
        Assert.Contains("deploy/sql", embedded);
        Assert.All(embedded, folder => Assert.Contains(folder, copiedBefore));
    }

    [Fact]
    public void ExposesTheSiloGatewayAndHttpPortsOfTheCode()
    {
        var exposed = RuntimeStage.Where(i => i.Keyword == "EXPOSE")
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => int.Parse(p.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture))
            .Order();

        Assert.Equal(new[] { SiloSettings.SiloPort, SiloSettings.GatewayPort, SiloSettings.HttpPort }.Order(), exposed);
        Assert.Equal([8080, 11111, 30000], exposed);
    }

    [Fact]
    public void RunsAsANumericNonRootUser_TheOneTheChartRequires()
    {
        var user = RuntimeStage.Last(i => i.Keyword == "USER").Arguments;
        var match = Regex.Match(user, @"^(?<uid>\d+)(:(?<gid>\d+))?$");
        var podSecurity = Plain.Map(HelmChart.Default.Values(), "podSecurityContext");

        Assert.True(match.Success, $"USER '{user}' must be numeric so Kubernetes' runAsNonRoot can verify it");
        Assert.NotEqual("0", match.Groups["uid"].Value);
        Assert.NotEqual("0", match.Groups["gid"].Value);
        Assert.Equal(match.Groups["uid"].Value, Plain.Text(podSecurity, "runAsUser"));
        Assert.Equal(match.Groups["gid"].Value, Plain.Text(podSecurity, "runAsGroup"));
        var entryPoint = RuntimeStage.Last(i => i.Keyword == "ENTRYPOINT");
        Assert.True(RuntimeStage.Last(i => i.Keyword == "USER").Line < entryPoint.Line);
    }

    [Fact]
    public void HealthCheck_AsksTheLivenessEndpoint_OnTheConfiguredHttpPort()
    {
        var healthCheck = RuntimeStage.Single(i => i.Keyword == "HEALTHCHECK").Arguments;
        var command = JsonSerializer.Deserialize<string[]>(healthCheck[healthCheck.IndexOf("CMD [", StringComparison.Ordinal)..][4..])!;
        var script = command[^1];

        Assert.Equal(["bash", "-c"], command[..2]);
        Assert.Contains(silo.Routes.Single(r => r == "/health/live"), script, StringComparison.Ordinal);
        Assert.Contains($"/dev/tcp/127.0.0.1/${{Http__Port:-{SiloSettings.HttpPort}}}", script, StringComparison.Ordinal);
        Assert.True(SiloSettings.Binds("Http__Port"));
        Assert.Contains("' 200 '", script, StringComparison.Ordinal);
    }

    [Fact]
    public void EntryPoint_RunsTheSiloAssembly()
    {
        var entryPoint = JsonSerializer.Deserialize<string[]>(RuntimeStage.Single(i => i.Keyword == "ENTRYPOINT").Arguments)!;

        Assert.Equal(["dotnet", $"{typeof(SiloProgram).Assembly.GetName().Name}.dll"], entryPoint);
    }

    [Fact]
    public void DockerIgnore_LeavesOutBuildOutput_ButNothingTheDockerfileCopies()
    {
        var patterns = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".dockerignore"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var sources = Instructions.Where(i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--from=", StringComparison.Ordinal))
            .SelectMany(CopySources).ToList();

        Assert.Contains("**/bin/", patterns);
        Assert.Contains("**/obj/", patterns);
        foreach (var pattern in patterns)
        {
            var anywhere = pattern.StartsWith("**/", StringComparison.Ordinal);
            var name = pattern.TrimStart('*', '/').TrimEnd('/');
            Assert.All(sources, source =>
            {
                var segments = source.TrimEnd('/').Split('/');
                Assert.False(anywhere ? segments.Contains(name) : segments[0] == name,
                    $".dockerignore pattern '{pattern}' would hide '{source}', which the Dockerfile copies");
            });
        }
    }

    /// <summary>The source arguments of a COPY (all but the last, flags left out).</summary>
    private static IEnumerable<string> CopySources(DockerInstruction copy)
    {
        var parts = copy.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("--", StringComparison.Ordinal)).ToList();
        return parts[..^1];
    }
}
