namespace ImageBench.Web.Workspace;

/// <summary>A run directory of the workspace: the folder name it is linked by, and its full path.</summary>
public sealed record RunDirectory(string Name, string Path)
{
    /// <summary>"/runs/{name}", the name escaped.</summary>
    public string Url => "/runs/" + Uri.EscapeDataString(Name);
}
