using System.Net;
using System.Text;
using CsCheck;
using ImageBench.Attempts;
using ImageBench.Providers;
using ImageBench.Providers.Ark;
using ImageBench.Providers.DashScope;
using ImageBench.Providers.Fal;
using ImageBench.Providers.Gemini;
using ImageBench.Providers.Http;
using ImageBench.Providers.Ideogram;
using ImageBench.Providers.Imagen;
using ImageBench.Providers.OpenAI;
using ImageBench.Providers.OpenRouter;
using ImageBench.Providers.Recraft;
using ImageBench.Providers.Replicate;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Providers.Http;

/// <summary>
/// Every parser whose API answers with a list of images keeps the entries after the first (ImageBench asks for one,
/// an API that sends more charges for them), and the shared fetch takes them home without the key.
/// </summary>
public sealed class ExtraImagesTests : IDisposable
{
    private static readonly string A = ProviderHarness.Png1x1Base64;
    private static readonly string B = Convert.ToBase64String(TestImages.Png(2, 2));
    private readonly ProviderHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    [Fact]
    public void OpenAI_keeps_every_data_entry_after_the_first_whatever_each_holds()
    {
        var entry = Gen.OneOf(Gen.Const($$"""{"b64_json":"{{B}}"}"""), Gen.Const("""{"b64_json":"%%%"}"""),
            Gen.Const("""{"url":"https://cdn.example/x.png"}"""), Gen.Const("""{"revised_prompt":"p"}"""), Gen.Const("7"));
        entry.Array[0, 6].Sample(rest =>
        {
            var (parsed, failure) = OpenAIResponseParser.Parse(Utf8($$"""{"data":[{"b64_json":"{{A}}"}{{string.Concat(rest.Select(r => "," + r))}}]}"""));

            Assert.Null(failure);
            Assert.Equal(rest.Length, parsed!.Extras.Count);
            for (var i = 0; i < rest.Length; i++)
            {
                var x = parsed.Extras[i];
                Assert.StartsWith($"data[{i + 1}]", x.Where, StringComparison.Ordinal);
                Assert.Equal(rest[i].Contains(B, StringComparison.Ordinal), x.Bytes is not null);
                Assert.Equal(rest[i].Contains("url", StringComparison.Ordinal), x.Url is not null);
                Assert.Equal(x.Bytes is null && x.Url is null, x.Failure is not null);
            }
        });
    }

    [Fact]
    public void Gemini_keeps_later_answer_images_and_other_candidates_but_not_thoughts()
    {
        var (parsed, _) = GeminiResponseParser.Parse(Utf8($$$"""
            {"candidates":[
              {"content":{"parts":[{"text":"Here"},{"inlineData":{"mimeType":"image/png","data":"{{{A}}}"}},
                {"thought":true,"inlineData":{"mimeType":"image/png","data":"{{{B}}}"}},{"inlineData":{"mimeType":"image/jpeg","data":"{{{B}}}"}}]}},
              {"content":{"parts":[{"inlineData":{"mimeType":"image/png","data":"{{{B}}}"}}]}}]}
            """));

        Assert.Equal(Convert.FromBase64String(A), parsed!.ImageBytes);
        Assert.Equal(["candidates[0].content.parts[3].inlineData.data", "candidates[1].content.parts[0].inlineData.data"], parsed.Extras.Select(x => x.Where));
        Assert.Equal("image/jpeg", parsed.Extras[0].MediaType);
        Assert.All(parsed.Extras, x => Assert.Equal(Convert.FromBase64String(B), x.Bytes));
    }

    [Fact]
    public void Imagen_keeps_later_predictions_with_an_image()
    {
        var (parsed, _) = ImagenResponseParser.Parse(Utf8($$"""
            {"predictions":[{"bytesBase64Encoded":"{{A}}","mimeType":"image/png"},{"raiFilteredReason":"x"},{"bytesBase64Encoded":"{{B}}","mimeType":"image/png"}]}
            """));

        Assert.Equal("predictions[2].bytesBase64Encoded", Assert.Single(parsed!.Extras).Where);
    }

    [Fact]
    public void Fal_replicate_recraft_and_openrouter_keep_their_later_links()
    {
        var (fal, _) = FalResponseParser.ParseResult(Utf8("""{"images":[{"url":"https://v3.fal.media/a.jpeg"},{"url":"https://v3.fal.media/b.jpeg","content_type":"image/jpeg"}],"seed":5}"""));
        var (replicate, _) = ReplicateResponseParser.Parse(Utf8("""{"id":"p","status":"succeeded","output":["https://replicate.delivery/a.webp","https://replicate.delivery/b.webp"]}"""));
        var (recraft, _) = RecraftResponseParser.Parse(Utf8("""{"credits":80,"data":[{"url":"https://img.recraft.ai/a.webp"},{"url":"https://img.recraft.ai/b.webp"}]}"""));
        var (openRouter, _) = OpenRouterResponseParser.Parse(Utf8($$$"""
            {"choices":[{"message":{"images":[{"type":"image_url","image_url":{"url":"data:image/png;base64,{{{A}}}"}},{"type":"image_url","image_url":{"url":"data:image/png;base64,{{{B}}}"}}]}}]}
            """));

        Assert.Equal(("https://v3.fal.media/b.jpeg", "image/jpeg"), (Assert.Single(fal!.Extras).Url, fal.Extras[0].MediaType));
        Assert.Equal(["https://replicate.delivery/b.webp"], replicate!.ExtraOutputs);
        Assert.Equal("https://img.recraft.ai/b.webp", Assert.Single(recraft!.Extras).Url);
        Assert.Equal($"data:image/png;base64,{B}", Assert.Single(openRouter!.Extras).Url);
    }

    [Fact]
    public void Ark_ideogram_and_dashscope_leave_out_entries_that_are_no_image()
    {
        var (ark, _) = ArkResponseParser.Parse(Utf8("""{"data":[{"url":"https://tos.example/a.jpeg"},{"error":{"code":"OutputImageSensitiveContentDetected","message":"m"}},{"url":"https://tos.example/b.jpeg"}]}"""));
        var (ideogram, _) = IdeogramResponseParser.Parse(Utf8("""
            {"data":[{"url":"https://ideogram.ai/a.png","is_image_safe":true,"seed":1},{"url":null,"is_image_safe":false,"seed":2},{"url":"https://ideogram.ai/b.png","is_image_safe":true,"seed":3}]}
            """));
        var (task, _) = DashScopeResponseParser.ParseTask(Utf8("""
            {"output":{"task_id":"t","task_status":"SUCCEEDED","results":[{"url":"https://oss.example/a.png"},{"code":"DataInspectionFailed","message":"m"},{"url":"https://oss.example/b.png"}]}}
            """));
        var (sync, _) = DashScopeResponseParser.ParseSync(Utf8("""
            {"output":{"choices":[{"message":{"content":[{"image":"https://oss.example/a.png"},{"text":"t"},{"image":"https://oss.example/b.png"}]}}]}}
            """));

        Assert.Equal(("data[2].url", "https://tos.example/b.jpeg"), (Assert.Single(ark!.Extras).Where, ark.Extras[0].Url));
        Assert.Equal(("https://ideogram.ai/b.png", "3"), (Assert.Single(ideogram!.Extras).Url, ideogram.Extras[0].Seed));
        Assert.Equal("https://oss.example/b.png", Assert.Single(task!.Extras).Url);
        Assert.Equal(("content[2].image", "https://oss.example/b.png"), (Assert.Single(sync!.Extras).Where, sync.Extras[0].Url));
    }

    /// <summary>The recorded dall-e-2 n=2 answer (two signed blob URLs): both are fetched, neither with the key.</summary>
    [Fact]
    public async Task Recorded_two_url_answer_downloads_both_images_without_the_key()
    {
        _h.Handler.SessionRecord(Fixtures.Path("openai", "openai-dotnet-dalle3-65d5703f", "GenerationOfMultipleImagesWorks.json"),
            uri => uri.EndsWith("/v1/images/generations", StringComparison.Ordinal));
        var second = TestImages.Png(2, 2);
        _h.Handler.Bytes(ProviderHarness.Png1x1, "image/png").Bytes(second, "image/png");
        var model = ProviderHarness.Model("openai", "dall-e-2", "https://api.openai.com", new Dictionary<string, string> { ["response_format"] = "url" });

        var result = await _h.Clock.RunAsync(() => _h.Registry.For("openai").GenerateAsync(
            new GenerationRequest(model, "An isolated stop sign.", 256, 256, new ApiKey("sk-secret")), _h.NewRecorder(), CancellationToken.None));

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(ProviderHarness.Png1x1, result.ImageBytes);
        var extra = Assert.Single(result.ExtraImages);
        Assert.Equal(second, extra.Bytes);
        Assert.Equal(("image/png", null), (extra.DeclaredContentType, extra.Failure));
        Assert.Equal(3, _h.Handler.Requests.Count);
        Assert.All(_h.Handler.Requests.Skip(1), r =>
        {
            Assert.Equal("oaidalleapiprodscus.blob.core.windows.net", r.Uri.Host);
            Assert.False(r.Headers.ContainsKey("Authorization"), "the key must never go to the blob host");
        });
    }

    [Fact]
    public async Task A_failed_extra_download_is_kept_as_a_problem_and_the_first_image_stays_ok()
    {
        var done = new GenerationResult { Outcome = AttemptOutcome.Ok, ImageBytes = ProviderHarness.Png1x1 };
        _h.Handler.Enqueue(new Reply(HttpStatusCode.Forbidden, () => new StringContent("<Error>AuthenticationFailed</Error>")));
        ExtraImageSource[] sources = [new("data[1].url", null, "https://cdn.example/b.png"), new("data[2].url", null, $"data:image/png;base64,{B}"), new("data[3].url", null, "ftp://x")];

        var result = await _h.Clock.RunAsync(() => ExtraImages.AddToAsync(done, sources, new ProviderHttp(_h.Client), _h.NewRecorder(), ProviderHarness.Policy, CancellationToken.None));

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(3, result.ExtraImages.Count);
        Assert.Contains("data[1].url: image download failed: HTTP 403", result.ExtraImages[0].Failure, StringComparison.Ordinal);
        Assert.Equal(Convert.FromBase64String(B), result.ExtraImages[1].Bytes);
        Assert.Equal("data[3].url is neither an http(s) nor a data: URL", result.ExtraImages[2].Failure);
    }

    [Fact]
    public async Task A_failed_result_keeps_no_extra_images()
    {
        var failed = GenerationResult.Failed(AttemptOutcome.Refused, "no");
        var result = await ExtraImages.AddToAsync(failed, [new("data[1]", [1, 2], null)], new ProviderHttp(_h.Client), _h.NewRecorder(), ProviderHarness.Policy, CancellationToken.None);
        Assert.Empty(result.ExtraImages);
        Assert.Empty(_h.Handler.Requests);
    }
}
