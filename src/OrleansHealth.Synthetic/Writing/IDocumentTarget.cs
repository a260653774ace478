namespace OrleansHealth.Synthetic.Writing;

/// <summary>Where writers put their documents: files under a folder, or memory.</summary>
internal interface IDocumentTarget
{
    /// <summary>Creates (or truncates) the document at a '/'-separated path; the caller disposes the stream.</summary>
    Stream Create(string relativePath);
}
