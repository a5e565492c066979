namespace ImageBench.Tests.Web;

/// <summary>Suite files for the web tests' runs.</summary>
internal static class Suites
{
    /// <summary>Three prompts: a poster with text (tags text-rendering, poster), a flat-lay, a wide landscape.</summary>
    public const string Article = """
        name: web-article
        prompts:
          - id: coffee-poster
            tags: [text-rendering, poster]
            text: Minimalist coffee shop poster, "MORNING BREW", subtitle "OPEN FROM 7 AM EVERY DAY".
            expect:
              text:
                - { value: OPEN FROM 7 AM EVERY DAY }
          - id: bakery-flatlay
            tags: [counting]
            text: Overhead flat-lay, three croissants, one brown egg.
            expect:
              text:
                - { value: BAKERY }
          - id: valley
            tags: [photoreal]
            text: A wide valley at dawn.
        """;

    /// <summary>Hostile text in every field a suite lets a person write (prompt ids are restricted by the loader).</summary>
    public const string Script = "<script>window.__xss=1</script>";
    public const string ImgOnError = "\"><img src=x onerror=\"window.__xss=2\">";
    public const string JavascriptUrl = "javascript:window.__xss=3";
    public const string SvgOnLoad = "'><svg onload=window.__xss=4>";

    public static string Hostile => $$"""
        name: '{{Yaml(ImgOnError)}}'
        prompts:
          - id: hostile
            tags: ['{{Yaml(ImgOnError)}}', '{{Yaml(JavascriptUrl)}}']
            text: '{{Yaml(Script)}} {{Yaml(ImgOnError)}}'
            expect:
              text:
                - { value: '{{Yaml(Script)}}', placement: '{{Yaml(JavascriptUrl)}}' }
              objects:
                - { name: '{{Yaml(ImgOnError)}}', count: 2 }
              checks:
                - '{{Yaml(SvgOnLoad)}}'
        """;

    public static string Write(string folder, string name, string yaml)
    {
        var path = Path.Combine(folder, name + ".yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static string Yaml(string s) => s.Replace("'", "''", StringComparison.Ordinal);
}
