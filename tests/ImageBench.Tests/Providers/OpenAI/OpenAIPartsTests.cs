using System.Text;
using ImageBench.Attempts;
using ImageBench.Providers;
using ImageBench.Providers.OpenAI;

namespace ImageBench.Tests.Providers.OpenAI;

public sealed class OpenAIPartsTests
{
    [Fact]
    public void Usage_with_explicit_output_details_sets_image_and_text_tokens()
    {
        var (parsed, failure) = OpenAIResponseParser.Parse(Encoding.UTF8.GetBytes($$$"""
            {"data":[{"b64_json":"{{{ProviderHarness.Png1x1Base64}}}"}],"output_format":"png",
             "usage":{"input_tokens":11,"input_tokens_details":{"text_tokens":11,"image_tokens":0},
                      "output_tokens":6250,"output_tokens_details":{"image_tokens":6240,"text_tokens":10},"total_tokens":6261}}
            """));
        Assert.Null(failure);
        Assert.Equal(new TokenUsage(11, 0, 6240, 10, 11, 6250, 6261), parsed!.Usage);
    }

    [Fact]
    public void Usage_fields_of_the_wrong_type_are_left_unreported_not_guessed()
    {
        var (parsed, _) = OpenAIResponseParser.Parse(Encoding.UTF8.GetBytes($$$"""
            {"data":[{"b64_json":"{{{ProviderHarness.Png1x1Base64}}}"}],"usage":{"input_tokens":"11","output_tokens":-3,"total_tokens":7}}
            """));
        Assert.Equal(new TokenUsage(TotalTokens: 7), parsed!.Usage);
    }

    [Fact]
    public void Dalle_keeps_response_format_and_catalog_cannot_override_benchmark_fields()
    {
        var model = ProviderHarness.Model("openai", "dall-e-3", "https://api.openai.com", new Dictionary<string, string>
        {
            ["response_format"] = "b64_json", ["style"] = "vivid", ["model"] = "other", ["n"] = "4", ["size"] = "256x256",
        });
        var body = OpenAIRequestBody.Build(new GenerationRequest(model, "hello", 1792, 1024, new ApiKey("secret")));

        Assert.Equal("""{"model":"dall-e-3","prompt":"hello","n":1,"size":"1792x1024","response_format":"b64_json","style":"vivid"}""", body.ToJsonString());
    }

    [Fact]
    public void Error_body_that_is_not_json_keeps_the_raw_words()
    {
        var (outcome, reason) = OpenAIErrorClassifier.Classify(503, "upstream connect error");
        Assert.Equal(AttemptOutcome.ProviderError, outcome);
        Assert.Equal("HTTP 503: upstream connect error", reason);
    }
}
