namespace OrleansHealth.Clinical.Identity.Resolution;

/// <summary>Makes the id of a new enterprise patient (the index never invents ids itself, so grains and tests choose the scheme).</summary>
public interface IEnterpriseIdFactory
{
    /// <summary>A new id, never returned before.</summary>
    string NewId();
}
