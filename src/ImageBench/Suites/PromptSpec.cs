namespace ImageBench.Suites;

/// <summary>One prompt of a suite with what a correct image must show.</summary>
public sealed record PromptSpec
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public Expectations Expect { get; init; } = new();
    /// <summary>Where the prompt starts in its file, for messages.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.Unknown;
}

/// <summary>file:line:column of a suite or catalog element.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public static readonly SourceLocation Unknown = new("?", 0, 0);
    public override string ToString() => $"{File}:{Line}:{Column}";
}
