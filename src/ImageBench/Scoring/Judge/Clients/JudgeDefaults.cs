using Microsoft.Extensions.AI;

namespace ImageBench.Scoring.Judge.Clients;

/// <summary>Settings every judge call gets unless the caller says otherwise: temperature 0 (SCORING.md: reproducible judging).</summary>
internal static class JudgeDefaults
{
    public static IChatClient Apply(IChatClient inner) => new ConfigureOptionsChatClient(inner, o => o.Temperature ??= 0f);
}
