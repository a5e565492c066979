using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImageBench.Emulator.Delivery;
using ImageBench.Emulator.Faults;
using ImageBench.Emulator.Rendering;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.OpenAI;

/// <summary>POST /v1/images/generations, synchronous: the response arrives after the whole emulated generation.</summary>
internal sealed class OpenAIImagesEndpoint(
    EmulatorOptions options, EmulatorStats stats, CallPlanner planner, ImageFactory images,
    DeliveryStore delivery, SignedUrls urls, FaultGate gate, ResponseWriter writer)
{
    private static readonly string[] RefusalCategories = ["sexual", "violence", "self-harm", "hate"];

    private static ErrorShape ErrorsFor(string model) => ErrorShape.Json((kind, status, words) => (kind, status) switch
    {
        (FaultKind.NoCredit, _) => OpenAIErrors.InsufficientQuota(),
        (_, 429) => OpenAIErrors.RateLimited(model),
        (_, 401) => OpenAIErrors.InvalidKey(),
        (_, 503) => OpenAIErrors.Unavailable(),
        _ => OpenAIErrors.ServerError(),
    }) with { NoCreditStatus = 429 };

    public async Task HandleAsync(HttpContext ctx)
    {
        var response = ctx.Response;
        response.Headers["openai-version"] = "2020-10-01";
        string auth = ctx.Request.Headers.Authorization.ToString();
        bool hasKey = auth.StartsWith("Bearer ", StringComparison.Ordinal) && auth.Length > "Bearer ".Length;
        stats.CountKey(hasKey);
        if (!hasKey && options.RequireKey)
        {
            response.Headers.WWWAuthenticate = "Bearer realm=\"OpenAI API\"";
            await ResponseWriter.JsonAsync(ctx, 401, OpenAIErrors.MissingKey()).ConfigureAwait(false);
            return;
        }
        OpenAIImageRequest? request;
        try
        {
            using var doc = await JsonDocument.ParseAsync(ctx.Request.Body, default, ctx.RequestAborted).ConfigureAwait(false);
            (request, var error) = OpenAIImageRequest.Parse(doc, model => options.ProfileFor(model).ImageFormat);
            if (error is not null)
            {
                await ResponseWriter.JsonAsync(ctx, 400, error).ConfigureAwait(false);
                return;
            }
        }
        catch (JsonException)
        {
            await ResponseWriter.JsonAsync(ctx, 400, OpenAIErrors.Invalid("We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly.)", null, null)).ConfigureAwait(false);
            return;
        }
        await GenerateAsync(ctx, request!).ConfigureAwait(false);
    }

    private async Task GenerateAsync(HttpContext ctx, OpenAIImageRequest request)
    {
        stats.CountOpenAIGeneration(request.Model);
        var plan = planner.Next(request.Model, request.Prompt);
        string requestId = "req_" + plan.Seed.ToString("x16", CultureInfo.InvariantCulture) + ((ulong)plan.CallIndex).ToString("x16", CultureInfo.InvariantCulture);
        ctx.Response.Headers["x-request-id"] = requestId;

        if (!await gate.AdmitAsync(ctx, plan, ErrorsFor(request.Model)).ConfigureAwait(false)) return;
        if (plan.Refused)
        {
            // Input moderation answers early: a small fraction of a full generation.
            string category = RefusalCategories[(int)(plan.Seed % (ulong)RefusalCategories.Length)];
            await RespondAfterAsync(ctx, plan.ScaledLatency * 0.05, 400, OpenAIErrors.ModerationBlocked(category, requestId)).ConfigureAwait(false);
            return;
        }

        int quality = request.OutputFormat == "png" ? 100 : request.Compression;
        var renders = Enumerable.Range(0, request.N)
            .Select(_ => images.RenderNextAsync(request.Model, request.Prompt, request.Width, request.Height, request.OutputFormat, quality))
            .ToArray();
        await DelayAsync(plan.ScaledLatency, ctx.RequestAborted).ConfigureAwait(false);
        var rendered = await Task.WhenAll(renders).ConfigureAwait(false);

        var body = BuildBody(request, rendered, plan);
        string serverMs = ((long)plan.ScaledLatency.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        ctx.Response.Headers["openai-processing-ms"] = serverMs;
        ctx.Response.Headers["x-envoy-upstream-service-time"] = serverMs;
        RenderedTextHeader.Set(ctx.Response, rendered[0].Text);
        await writer.BodyAsync(ctx, ResponseWriter.Utf8(body), "application/json", plan.Planned).ConfigureAwait(false);
    }

    private JsonObject BuildBody(OpenAIImageRequest request, RenderedImage[] rendered, CallPlan plan)
    {
        var now = options.Time.GetUtcNow();
        var data = new JsonArray();
        for (int i = 0; i < rendered.Length; i++)
        {
            var item = new JsonObject();
            if (request.ResponseFormat == "url")
            {
                string id = $"img-{plan.Seed:x16}{plan.CallIndex:x4}{i:x2}";
                var expires = now.AddHours(1);
                delivery.Add(id, new DeliveryEntry(Task.FromResult(rendered[i]), now, expires, request.Model, request.Prompt));
                item["url"] = urls.For($"private/{id}.{rendered[i].Format}", rendered[i].ContentType, expires).AbsoluteUri;
            }
            else
            {
                item["b64_json"] = Convert.ToBase64String(rendered[i].Bytes);
            }
            if (request.IsDallE3)
            {
                item["revised_prompt"] = request.Prompt;
            }
            data.Add(item);
        }
        var body = new JsonObject { ["created"] = now.ToUnixTimeSeconds(), ["data"] = data };
        if (request.IsGptImage)
        {
            body["background"] = request.Background;
            body["output_format"] = request.OutputFormat;
            body["quality"] = request.Quality;
            body["size"] = request.Size;
            body["usage"] = OpenAITokens.Usage(request.Prompt, request.Quality, request.Width, request.Height, request.N);
        }
        return body;
    }

    private async Task RespondAfterAsync(HttpContext ctx, TimeSpan delay, int status, JsonObject body)
    {
        await DelayAsync(delay, ctx.RequestAborted).ConfigureAwait(false);
        ctx.Response.Headers["openai-processing-ms"] = ((long)delay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        await ResponseWriter.JsonAsync(ctx, status, body).ConfigureAwait(false);
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken ct) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, options.Time, ct) : Task.CompletedTask;
}
