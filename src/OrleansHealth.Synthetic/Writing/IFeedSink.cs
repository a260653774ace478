using OrleansHealth.Synthetic.Sources;

namespace OrleansHealth.Synthetic.Writing;

/// <summary>Writes one source's patients in one format, in the order given; <see cref="Complete"/> flushes what is held back.</summary>
internal interface IFeedSink : IDisposable
{
    void Write(SourcePatient patient);

    void Complete();
}
