using System.Net;
using System.Text;
using ImageBench.Attempts;
using ImageBench.Providers;
using ImageBench.Providers.Stability;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Providers.Stability;

/// <summary>
/// No Stability capture exists: these follow its documented v2beta contract (multipart, Accept image/* or
/// application/json, {id,name,errors[]} errors, 403 for moderation). The finish-reason/seed header names are
/// the documented ones but unconfirmed by a capture.
/// </summary>
public sealed class StabilityProviderContractTests : IDisposable
{
    private readonly ProviderHarness _h = new();

    public void Dispose() => _h.Dispose();

    private Task<GenerationResult> Run(string upstream = "stable-image-core", IReadOnlyDictionary<string, string>? options = null, int width = 1024, int height = 1024) =>
        _h.Clock.RunAsync(() => _h.Registry.For("stability").GenerateAsync(
            new GenerationRequest(ProviderHarness.Model("stability", upstream, "https://api.stability.ai/", options), "a \"SALE\" sign", width, height, new ApiKey("sk-stab")),
            _h.NewRecorder(), default));

    private void ImageReply(byte[] bytes, string finishReason = "SUCCESS") =>
        _h.Handler.Enqueue(new Reply(HttpStatusCode.OK, () =>
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new("image/png");
            return content;
        }, new Dictionary<string, string> { ["finish-reason"] = finishReason, ["seed"] = "343940597" }));

    [Fact]
    public async Task Image_accept_mode_sends_multipart_and_reads_raw_bytes()
    {
        var png = TestImages.Png();
        ImageReply(png);

        var result = await Run();

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(png, result.ImageBytes);
        Assert.Equal("image/png", result.DeclaredContentType);
        Assert.Equal("343940597", result.Seed); // the seed response header
        var sent = Assert.Single(_h.Handler.Requests);
        Assert.Equal(new Uri("https://api.stability.ai/v2beta/stable-image/generate/core"), sent.Uri);
        Assert.Equal("image/*", sent.Headers["Accept"]);
        Assert.Equal("Bearer sk-stab", sent.Headers["Authorization"]);
        Assert.StartsWith("multipart/form-data", sent.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Contains("name=prompt", sent.Body, StringComparison.Ordinal);
        Assert.Contains("a \"SALE\" sign", sent.Body, StringComparison.Ordinal);
        Assert.Equal("""{"prompt":"a \u0022SALE\u0022 sign","aspect_ratio":"1:1","output_format":"png"}""", result.Request!.ToJsonString());
    }

    [Fact]
    public async Task Json_accept_mode_reads_image_and_finish_reason_and_sd3_names_its_model()
    {
        _h.Handler.Json(HttpStatusCode.OK, $$"""{"image":"{{ProviderHarness.Png1x1Base64}}","finish_reason":"SUCCESS","seed":42}""");

        var result = await Run("sd3.5-large", new Dictionary<string, string> { ["accept"] = "application/json" }, 1344, 768);

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(ProviderHarness.Png1x1, result.ImageBytes);
        Assert.Equal("42", result.Seed); // the JSON answer's seed field
        var sent = _h.Handler.Requests.Single();
        Assert.Equal("/v2beta/stable-image/generate/sd3", sent.Uri.AbsolutePath);
        Assert.Equal("application/json", sent.Headers["Accept"]);
        Assert.Equal(("sd3.5-large", "16:9"), ((string)result.Request!["model"]!, (string)result.Request["aspect_ratio"]!));
        Assert.False(result.Request.ContainsKey("accept"));
    }

    [Fact]
    public async Task Content_filtered_is_a_refusal_in_both_modes()
    {
        ImageReply(TestImages.Png(), "CONTENT_FILTERED");
        _h.Handler.Json(HttpStatusCode.OK, $$"""{"image":"{{ProviderHarness.Png1x1Base64}}","finish_reason":"CONTENT_FILTERED","seed":1}""");

        var raw = await Run();
        var json = await Run(options: new Dictionary<string, string> { ["accept"] = "application/json" });

        Assert.Equal((AttemptOutcome.Refused, AttemptOutcome.Refused), (raw.Outcome, json.Outcome));
        Assert.Null(raw.ImageBytes);
        Assert.Contains("CONTENT_FILTERED", raw.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, """{"id":"ed14","name":"content_moderation","errors":["Your request was flagged by our content moderation system, as a result your request was denied and you were not charged."]}""", AttemptOutcome.Refused)]
    [InlineData(HttpStatusCode.BadRequest, """{"id":"a1","name":"bad_request","errors":["aspect_ratio: must be one of 16:9, 1:1"]}""", AttemptOutcome.ProviderError)]
    [InlineData(HttpStatusCode.PaymentRequired, """{"id":"b2","name":"payment_required","errors":["lack sufficient credits"]}""", AttemptOutcome.ProviderError)]
    public async Task Error_bodies_are_classified(HttpStatusCode status, string body, AttemptOutcome expected)
    {
        _h.Handler.Json(status, body);
        var result = await Run();
        Assert.Equal(expected, result.Outcome);
        Assert.StartsWith($"HTTP {(int)status} ", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_where_an_image_was_asked_for_is_invalid()
    {
        _h.Handler.Json(HttpStatusCode.OK, "{}");
        Assert.Equal(AttemptOutcome.InvalidResponse, (await Run()).Outcome);
    }

    [Theory]
    [InlineData(1024, 1024, "1:1")]
    [InlineData(1536, 1024, "3:2")]
    [InlineData(1024, 1792, "9:16")]
    [InlineData(2520, 1080, "21:9")]
    public void Pixels_map_to_the_nearest_allowed_ratio(int w, int h, string ratio) =>
        Assert.Equal(ratio, StabilityRequestBody.NearestRatio(w, h));

    [Fact]
    public void Mode_follows_the_upstream_name() =>
        Assert.Equal(["ultra", "core", "sd3"], new[] { "stable-image-ultra", "stable-image-core", "sd3.5-medium" }.Select(StabilityRequestBody.Mode));

    [Fact]
    public void Empty_image_is_invalid() =>
        Assert.NotNull(StabilityResponseParser.ParseBytes([], "image/png", null, null).Failure);

    [Fact]
    public async Task Multipart_body_holds_each_field_once()
    {
        using var form = ImageBench.Providers.Http.MultipartForm.From(new System.Text.Json.Nodes.JsonObject { ["prompt"] = "p", ["seed"] = 5 });
        var text = Encoding.UTF8.GetString(await form.ReadAsByteArrayAsync());
        Assert.Equal(2, text.Split("Content-Disposition").Length - 1);
        Assert.Contains("\r\n\r\n5\r\n", text, StringComparison.Ordinal);
    }
}
