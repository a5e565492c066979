using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImageBench.Emulator.Faults;
using ImageBench.Emulator.OpenAI;
using ImageBench.Emulator.Randomness;
using ImageBench.Emulator.Rendering;
using ImageBench.Emulator.Scenes;
using ImageBench.Providers.Http;
using ImageBench.Scoring;
using ImageBench.Scoring.Judge;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.Judge;

/// <summary>
/// POST /v1/chat/completions: an OpenAI-compatible vision chat endpoint that plays the judge for the offline demo.
/// It decodes the image, looks up the scene the emulator drew into it, and answers the questions of
/// <see cref="JudgeProtocol.UserText"/> from that scene (<see cref="EmulatedJudge"/>). Any model name is accepted.
/// </summary>
internal sealed class EmulatedJudgeEndpoint(EmulatedCall call, ImageFactory images)
{
    public const string Protocol = "judge";
    public const string DefaultModel = "imagebench-emulated-judge";

    /// <summary>A vision LLM's answer time (a guess: a few seconds for a short JSON answer), scaled like every emulated wait.</summary>
    private static readonly LatencyProfile Latency = new(3.0, 1.5, 6.0);

    /// <summary>OpenAI bills a 1024² high-detail image at about this many input tokens; EMULATED figure for usage only.</summary>
    private const int ImageTokens = 765;

    private readonly ConcurrentDictionary<string, int> _samples = new(StringComparer.Ordinal);

    public async Task HandleAsync(HttpContext ctx)
    {
        if (!call.KeyAccepted(EmulatedCall.HasBearer(ctx)))
        {
            await ResponseWriter.JsonAsync(ctx, 401, OpenAIErrors.MissingKey()).ConfigureAwait(false);
            return;
        }
        JudgeChatRequest request;
        try
        {
            using var doc = await JsonDocument.ParseAsync(ctx.Request.Body, default, ctx.RequestAborted).ConfigureAwait(false);
            request = JudgeChatRequest.Read(doc.RootElement);
        }
        catch (JsonException)
        {
            await ResponseWriter.JsonAsync(ctx, 400, OpenAIErrors.Invalid("We could not parse the JSON body of your request.", null, null)).ConfigureAwait(false);
            return;
        }
        if (Validate(request, out var questions, out var pixels) is { } invalid)
        {
            await ResponseWriter.JsonAsync(ctx, 400, invalid).ConfigureAwait(false);
            return;
        }
        call.Stats.CountGeneration(Protocol);

        var key = PixelKey.Of(pixels!);
        // Samples are numbered by the request's seed when it carries one, else by how often this exact question set
        // was asked about this image: three identical requests are three different samples.
        var sample = request.Seed ?? _samples.AddOrUpdate(key + "\n" + request.UserText, 0, (_, n) => n + 1);
        var reply = EmulatedJudge.Answer(images.Scenes.Find(key), questions!, key, sample);

        var wait = LatencySampler.SampleSeconds(Latency, DeterministicRandom.For(call.Options.Seed, Protocol, key, sample)) * call.Options.TimeScale;
        await call.DelayAsync(TimeSpan.FromSeconds(wait), ctx.RequestAborted).ConfigureAwait(false);
        var text = JudgeProtocol.Format(reply);
        await ResponseWriter.JsonAsync(ctx, 200, Completion(request, text, key, sample)).ConfigureAwait(false);
    }

    private static JsonObject? Validate(JudgeChatRequest request, out IReadOnlyList<JudgeQuestion>? questions, out ScoringImage? pixels)
    {
        questions = null;
        pixels = null;
        if (request.UserText is null) return OpenAIErrors.Invalid("messages must contain a user message with text.", "messages", null);
        questions = JudgeProtocol.QuestionsIn(request.UserText);
        if (questions is null)
            return OpenAIErrors.Invalid("The emulated judge only answers ImageBench judge prompts (questions between <questions> markers).", "messages", null);
        var (bytes, _, failure) = DataUrl.Decode(request.ImageUrl);
        if (bytes is null)
            return OpenAIErrors.Invalid($"The emulated judge needs the image as a data: URL ({failure}).", "messages", "invalid_image_url");
        pixels = ScoringImage.Load(bytes, out var error);
        return pixels is null ? OpenAIErrors.Invalid($"You uploaded an unsupported image ({error}).", "messages", "invalid_image_format") : null;
    }

    private JsonObject Completion(JudgeChatRequest request, string text, string key, long sample)
    {
        var promptTokens = ImageTokens + (request.UserText?.Length ?? 0) / 4;
        var completionTokens = Math.Max(1, text.Length / 4);
        return new JsonObject
        {
            ["id"] = $"chatcmpl-emu{DeterministicRandom.Hash(key, sample):x16}",
            ["object"] = "chat.completion",
            ["created"] = call.Options.Time.GetUtcNow().ToUnixTimeSeconds(),
            ["model"] = request.Model ?? DefaultModel,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text, ["refusal"] = null },
                ["logprobs"] = null,
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = promptTokens,
                ["completion_tokens"] = completionTokens,
                ["total_tokens"] = promptTokens + completionTokens,
            },
            ["system_fingerprint"] = "imagebench-emulator",
        };
    }
}
