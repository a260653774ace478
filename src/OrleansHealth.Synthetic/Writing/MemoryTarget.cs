namespace OrleansHealth.Synthetic.Writing;

/// <summary>Documents kept in memory, in the order they were created.</summary>
internal sealed class MemoryTarget : IDocumentTarget
{
    private readonly List<(string Path, MemoryStream Stream)> documents = [];

    public IReadOnlyList<(string Path, MemoryStream Stream)> Documents => documents;

    public Stream Create(string relativePath)
    {
        var stream = new MemoryStream();
        documents.Add((relativePath, stream));
        return stream;
    }
}
