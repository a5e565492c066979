namespace ImageBench.Tests.Web;

/// <summary>The browser tests share one served workspace and one browser (launching chromium costs seconds).</summary>
[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "web pages in a browser";
}
