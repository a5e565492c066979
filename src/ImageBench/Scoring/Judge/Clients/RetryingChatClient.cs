using Microsoft.Extensions.AI;

namespace ImageBench.Scoring.Judge.Clients;

/// <summary>
/// Tries a judge or drafting call again when it failed transiently (408, 429, 5xx, a timeout —
/// <see cref="JudgeClientException.IsTransient"/>), waiting what the server asked (Retry-After) or 1, 2, 4 s on
/// <see cref="Time"/>. Rate limits are the normal state of a model asked hundreds of questions; waiting is cheaper
/// than a re-score. The clients themselves never retry, so this is the one place that does.
/// </summary>
public sealed class RetryingChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    /// <summary>A longer wait asked by the server is not waited out: the call fails and a later run asks again.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Tries after the first.</summary>
    public int MaxRetries { get; init; } = 3;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        for (var retry = 0; ; retry++)
        {
            try
            {
                return await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
            }
            catch (JudgeClientException e) when (e.IsTransient && retry < MaxRetries && !cancellationToken.IsCancellationRequested
                                                  && (e.RetryAfter ?? Backoff(retry)) <= MaxWait)
            {
                await Task.Delay(e.RetryAfter ?? Backoff(retry), Time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>1, 2, 4 … seconds: used when the server names no wait.</summary>
    private static TimeSpan Backoff(int retry) => TimeSpan.FromSeconds(1 << Math.Min(retry, 5));
}
