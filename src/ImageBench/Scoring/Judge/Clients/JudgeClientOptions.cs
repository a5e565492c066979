namespace ImageBench.Scoring.Judge.Clients;

/// <summary>Everything <see cref="JudgeClients.Create"/> needs besides the spec and the HttpClient.</summary>
public sealed record JudgeClientOptions
{
    /// <summary>The emulator's API base URL (<c>EmulatorServer.BaseUrl</c>); required for the "emulated" judge only.</summary>
    public Uri? EmulatorBaseUrl { get; init; }

    /// <summary>Overrides the API base URL of an "openai:" judge (any OpenAI-compatible gateway, ending in /v1).</summary>
    public Uri? OpenAIEndpoint { get; init; }

    /// <summary>Where keys come from; tests pass a dictionary lookup. Keys are only ever read from here.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>What a missing-key error suggests instead; drafting, which cannot use the emulated judge, says something else.</summary>
    public string MissingKeyHint { get; init; } = "or use --judge emulated with --emulator";

    /// <summary>Per judge call.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Reads HTTP-date Retry-After headers against this clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
