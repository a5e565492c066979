using System.Globalization;
using System.Text.Json.Nodes;
using ImageBench.Emulator.Faults;
using ImageBench.Emulator.Rendering;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.Ideogram;

/// <summary>
/// POST /v1/ideogram-v3/generate: multipart, Api-Key header. Answers {created, data:[{url, is_image_safe, …}]}
/// with an ephemeral URL on the delivery host; a refused prompt comes back as is_image_safe false and url null.
/// </summary>
internal sealed class IdeogramGenerateEndpoint(EmulatedCall call, CallPlanner planner, ImageFactory images, ResponseWriter writer)
{
    public const string Protocol = "ideogram";
    public const string Model = "ideogram-v3";
    private static readonly TimeSpan UrlLifetime = TimeSpan.FromHours(1);

    private static readonly ErrorShape Errors = ErrorShape.Words((status, words) => status == 401
        ? new JsonObject { ["detail"] = "Unauthorized" }
        : new JsonObject { ["error"] = status == 402 ? "Insufficient credits. Please add credits to your account." : words });

    public async Task HandleAsync(HttpContext ctx)
    {
        if (!call.KeyAccepted(!string.IsNullOrEmpty(ctx.Request.Headers["Api-Key"])))
        {
            await ResponseWriter.JsonAsync(ctx, 401, new JsonObject { ["detail"] = "Unauthorized" }).ConfigureAwait(false);
            return;
        }
        if (!ctx.Request.HasFormContentType)
        {
            await ResponseWriter.JsonAsync(ctx, 415, new JsonObject { ["detail"] = "Expected multipart/form-data" }).ConfigureAwait(false);
            return;
        }
        var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted).ConfigureAwait(false);
        string prompt = form["prompt"].ToString();
        var size = Size(form["resolution"].ToString(), form["aspect_ratio"].ToString());
        if (prompt.Length == 0 || size is null)
        {
            await ResponseWriter.JsonAsync(ctx, 400, new JsonObject { ["error"] = prompt.Length == 0 ? "prompt is required" : "Invalid resolution or aspect_ratio" }).ConfigureAwait(false);
            return;
        }
        call.Stats.CountGeneration(Protocol, Model);
        var plan = planner.Next(Model, prompt);
        if (!await call.Gate.AdmitAsync(ctx, plan, Errors).ConfigureAwait(false)) return;
        var format = call.Options.ProfileFor(Model).ImageFormat;
        var render = plan.Refused ? null : images.RenderNextAsync(Model, prompt, size.Value.Width, size.Value.Height, format, EmulatedCall.QualityFor(format));
        await call.DelayAsync(plan.ScaledLatency, ctx.RequestAborted).ConfigureAwait(false);
        var now = call.Options.Time.GetUtcNow();
        string? url = null;
        if (render is not null)
        {
            var image = await render.ConfigureAwait(false);
            RenderedTextHeader.Set(ctx.Response, image.Text);
            url = call.Publish(EmulatedCall.Id(plan, "ideo-"), Task.FromResult(image), format, now, UrlLifetime, plan, prompt).AbsoluteUri;
        }
        var body = new JsonObject
        {
            ["created"] = now.ToString("O", CultureInfo.InvariantCulture),
            ["data"] = new JsonArray(new JsonObject
            {
                ["prompt"] = prompt,
                ["resolution"] = string.Create(CultureInfo.InvariantCulture, $"{size.Value.Width}x{size.Value.Height}"),
                ["is_image_safe"] = url is not null,
                ["seed"] = (long)(plan.Seed % 2_147_483_647UL),
                ["style_type"] = form.TryGetValue("style_type", out var style) ? style.ToString() : "GENERAL",
                ["url"] = url,
            }),
        };
        await writer.BodyAsync(ctx, System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json", plan.Planned).ConfigureAwait(false);
    }

    /// <summary>resolution "WxH", else aspect_ratio "AxB" scaled to about a megapixel, else 1024x1024.</summary>
    internal static (int Width, int Height)? Size(string resolution, string aspectRatio)
    {
        if (Pair(resolution.Length > 0 ? resolution : aspectRatio, out var a, out var b) is false)
            return resolution.Length == 0 && aspectRatio.Length == 0 ? (1024, 1024) : null;
        if (resolution.Length > 0) return a is >= 256 and <= 2048 && b is >= 256 and <= 2048 ? (a, b) : null;
        double scale = Math.Sqrt(1024.0 * 1024 / (a * b));
        return ((int)Math.Round(a * scale / 64) * 64, (int)Math.Round(b * scale / 64) * 64);
    }

    private static bool Pair(string text, out int a, out int b)
    {
        a = b = 0;
        var parts = text.Split('x');
        return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out a) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out b)
               && a > 0 && b > 0 && a <= 4096 && b <= 4096;
    }
}
