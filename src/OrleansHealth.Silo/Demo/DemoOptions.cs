namespace OrleansHealth.Silo.Demo;

/// <summary>
/// The demo population loaded at start (configuration section <c>Demo</c>). On by default in the
/// embedded mode so a first run has patients to look at; off by default with PostgreSQL, where the
/// data is real. <c>Demo:Enabled=false</c> turns it off.
/// </summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Load the demo population. Default: true in the embedded mode, false with PostgreSQL.</summary>
    public bool? Enabled { get; set; }

    /// <summary>People in the population; each appears in one to three of the three sources. Default 1000.</summary>
    public int Patients { get; set; } = 1000;

    /// <summary>Train the demo model (<c>diabetes-onset</c>) on the population and promote it. Default true.</summary>
    public bool TrainModel { get; set; } = true;

    /// <summary>Same seed, same population. Default 42.</summary>
    public int Seed { get; set; } = 42;
}
