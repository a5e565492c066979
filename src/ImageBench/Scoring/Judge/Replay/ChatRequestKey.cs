using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace ImageBench.Scoring.Judge.Replay;

/// <summary>
/// What identifies a judge request for record and replay: a hash of exactly what went over the wire — each
/// message's role and texts, each image's media type and bytes. The same image with the same checklist gives the
/// same key in any run; options (temperature, JSON mode) are not part of it.
/// </summary>
public sealed record ChatRequestKey(string Hash, string? ImageSha256, IReadOnlyList<string>? QuestionIds)
{
    public static ChatRequestKey Of(IEnumerable<ChatMessage> messages)
    {
        var canonical = new StringBuilder();
        string? image = null;
        IReadOnlyList<string>? questions = null;
        foreach (var message in messages)
        {
            canonical.Append("role:").Append(message.Role.Value).Append('\n');
            foreach (var content in message.Contents)
            {
                switch (content)
                {
                    case TextContent text:
                        canonical.Append("text:").Append(text.Text.Length).Append(':').Append(text.Text).Append('\n');
                        questions ??= JudgeProtocol.QuestionsIn(text.Text)?.Select(q => q.Id).ToList();
                        break;
                    case DataContent data:
                        var sha = Convert.ToHexStringLower(SHA256.HashData(data.Data.Span));
                        image ??= sha;
                        canonical.Append("data:").Append(data.MediaType).Append(':').Append(sha).Append('\n');
                        break;
                    default:
                        canonical.Append("other:").Append(content.GetType().Name).Append('\n');
                        break;
                }
            }
        }
        return new ChatRequestKey(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString()))), image, questions);
    }
}
