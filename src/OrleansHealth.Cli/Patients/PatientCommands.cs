using System.Globalization;
using System.Text.Json;
using OrleansHealth.Cli.Connection;
using OrleansHealth.Cli.Output;
using Spectre.Console;

namespace OrleansHealth.Cli.Patients;

/// <summary><c>ohealth predict</c>: the risk from the model's active version and its largest contributions.</summary>
public sealed class PredictCommand(IAnsiConsole console) : ClusterCommand<PatientModelSettings>(console)
{
    protected override Task<JsonElement> AskAsync(ClusterClient client, PatientModelSettings settings, CancellationToken cancellationToken) =>
        client.GetAsync(settings.Path("predictions"), cancellationToken);

    protected override void Show(JsonElement answer, PatientModelSettings settings)
    {
        Console.MarkupLineInterpolated($"[bold]{answer.Number("probability"):P1}[/] risk for {answer.Text("patientId")} ({answer.Text("model")}, version {answer.Text("version")}; base {answer.Number("baseValue"):P1})");
        Console.Write(PatientTables.Contributions("Largest contributions", answer.Items("topContributions")));
    }
}

/// <summary><c>ohealth explain</c>: every input's contribution, toward and against.</summary>
public sealed class ExplainCommand(IAnsiConsole console) : ClusterCommand<PatientModelSettings>(console)
{
    protected override Task<JsonElement> AskAsync(ClusterClient client, PatientModelSettings settings, CancellationToken cancellationToken) =>
        client.GetAsync(settings.Path("explanations"), cancellationToken);

    protected override void Show(JsonElement answer, PatientModelSettings settings)
    {
        Console.MarkupLineInterpolated($"{answer.Number("baseValue"):P1} base + contributions = [bold]{answer.Number("probability"):P1}[/] ({answer.Text("model")}, version {answer.Text("version")})");
        Console.Write(PatientTables.Contributions("Toward the risk", answer.Items("toward")));
        Console.Write(PatientTables.Contributions("Against the risk", answer.Items("against")));
    }
}

/// <summary><c>ohealth treatments</c>: the candidates ranked by the chance of a good outcome, with its uncertainty.</summary>
public sealed class TreatmentsCommand(IAnsiConsole console) : ClusterCommand<PatientModelSettings>(console)
{
    protected override Task<JsonElement> AskAsync(ClusterClient client, PatientModelSettings settings, CancellationToken cancellationToken) =>
        client.GetAsync(settings.Path("treatments"), cancellationToken);

    protected override void Show(JsonElement answer, PatientModelSettings settings)
    {
        var table = new Table().Title($"Treatments for {Markup.Escape(settings.Patient!)} ({Markup.Escape(answer.Text("model"))}, version {answer.Text("version")})")
            .AddColumn(new TableColumn("rank").RightAligned()).AddColumn("treatment")
            .AddColumn(new TableColumn("good outcome").RightAligned()).AddColumn(new TableColumn("range").RightAligned()).AddColumn("note");
        foreach (var treatment in answer.Items("treatments"))
        {
            table.AddRow(treatment.Text("rank"), Markup.Escape(treatment.Text("treatment")), Json.Percent(treatment.Number("goodOutcome")),
                $"{Json.Percent(treatment.Number("low"))}–{Json.Percent(treatment.Number("high"))}", Markup.Escape(treatment.Text("note")));
        }

        Console.Write(table);
    }
}

/// <summary>Contributions as a table with a bar: red raises the risk, green lowers it.</summary>
public static class PatientTables
{
    public static Table Contributions(string title, IEnumerable<JsonElement> contributions)
    {
        var rows = contributions.ToList();
        var largest = rows.Count == 0 ? 1 : rows.Max(c => Math.Abs(c.Number("amount")));
        var table = new Table().Title(title).AddColumn("input").AddColumn(new TableColumn("value").RightAligned())
            .AddColumn(new TableColumn("contribution").RightAligned()).AddColumn("");
        foreach (var contribution in rows)
        {
            var amount = contribution.Number("amount");
            var bar = new string('█', Math.Max(1, (int)Math.Round(12 * Math.Abs(amount) / largest)));
            table.AddRow(
                Markup.Escape(contribution.Text("feature")),
                contribution.Text("value"),
                amount.ToString("+0.000;-0.000", CultureInfo.InvariantCulture),
                amount > 0 ? $"[red]{bar}[/]" : $"[green]{bar}[/]");
        }

        return table;
    }
}
