namespace ImageBench.Web.Api;

/// <summary>What every page's frame needs: asset URLs and the workspace it shows.</summary>
public sealed record SiteContext(SiteAssets Assets, string Workspace);
