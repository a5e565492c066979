using System.Net;
using ImageBench.Attempts;
using ImageBench.Providers;
using ImageBench.Providers.Replicate;

namespace ImageBench.Tests.Providers.Replicate;

/// <summary>
/// Answers without a capture; these follow the documented contract (CONTRACTS.md §4, replicate.com docs): FLUX-style
/// inputs, failed/aborted predictions, safety failures, outputs served by the API host, 422 problem+json.
/// </summary>
public sealed class ReplicateProviderContractTests : IDisposable
{
    private const string Get = "https://api.replicate.com/v1/predictions/p1";
    private readonly ProviderHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static string Prediction(string status, string? output = null, string? error = null, double? predict = null) =>
        new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = "p1", ["status"] = status, ["output"] = output, ["error"] = error,
            ["metrics"] = predict is null ? null : new System.Text.Json.Nodes.JsonObject { ["predict_time"] = predict },
            ["urls"] = new System.Text.Json.Nodes.JsonObject { ["get"] = Get, ["cancel"] = Get + "/cancel" },
        }.ToJsonString();

    private Task<GenerationResult> Run(int width = 1024, int height = 1024, Dictionary<string, string>? options = null) =>
        _h.Clock.RunAsync(() => _h.Registry.For("replicate").GenerateAsync(
            new GenerationRequest(ProviderHarness.Model("replicate", "black-forest-labs/flux-1.1-pro", "https://api.replicate.com/", options ?? new() { ["wait"] = "false" }),
                "p", width, height, new ApiKey("r8_secret")), _h.NewRecorder(), CancellationToken.None));

    [Theory]
    [InlineData(1024, 1024, """{"input":{"prompt":"p","aspect_ratio":"1:1","output_format":"png","output_quality":90,"prompt_upsampling":true,"safety_tolerance":2}}""")]
    [InlineData(1000, 700, """{"input":{"prompt":"p","aspect_ratio":"custom","width":1000,"height":700,"output_format":"png","output_quality":90,"prompt_upsampling":true,"safety_tolerance":2}}""")]
    public async Task Flux_inputs_use_aspect_ratio_or_custom_size_and_typed_options(int w, int h, string expected)
    {
        _h.Handler.Json(HttpStatusCode.Created, Prediction("succeeded", "data:image/png;base64," + ProviderHarness.Png1x1Base64, predict: 1.5),
            new Uri("https://api.replicate.com/v1/models/black-forest-labs/flux-1.1-pro/predictions"));
        var result = await Run(w, h, new() { ["output_format"] = "png", ["output_quality"] = "90", ["prompt_upsampling"] = "true", ["safety_tolerance"] = "2" });
        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(expected, _h.Handler.Requests[0].BodyJson.ToJsonString());
        Assert.Equal("wait", _h.Handler.Requests[0].Headers["Prefer"]); // sync mode by default
        Assert.Equal(1500, result.ServerMs);
    }

    [Theory]
    [InlineData("Your input or output was flagged as sensitive. Please try again with different inputs. (E005)", AttemptOutcome.Refused)]
    [InlineData("NSFW content detected. Try running it again, or try a different prompt.", AttemptOutcome.Refused)]
    [InlineData("CUDA out of memory", AttemptOutcome.ProviderError)]
    public async Task Failed_predictions_are_refusals_only_when_a_safety_filter_speaks(string error, AttemptOutcome expected)
    {
        _h.Handler.Json(HttpStatusCode.Created, Prediction("starting"));
        _h.Handler.Json(HttpStatusCode.OK, Prediction("failed", error: error, predict: 2), new Uri(Get));
        var result = await Run();
        Assert.Equal(expected, result.Outcome);
        Assert.Equal($"prediction failed: {error}", result.Reason);
        Assert.Equal(2000, result.ServerMs);
    }

    [Fact]
    public async Task Aborted_and_unknown_statuses_are_reported()
    {
        _h.Handler.Json(HttpStatusCode.Created, Prediction("starting"));
        _h.Handler.Json(HttpStatusCode.OK, Prediction("warming_up"), new Uri(Get));
        _h.Handler.Json(HttpStatusCode.OK, Prediction("aborted"), new Uri(Get));
        var result = await Run();
        Assert.Equal(AttemptOutcome.ProviderError, result.Outcome);
        Assert.Equal("prediction aborted before it started (unknown statuses seen while polling: warming_up)", result.Reason);
    }

    [Fact]
    public async Task Outputs_on_the_api_host_are_fetched_with_the_token_and_cdn_outputs_without()
    {
        _h.Handler.Json(HttpStatusCode.Created, Prediction("succeeded", "https://api.replicate.com/v1/files/abc/download", predict: 1));
        _h.Handler.Bytes(ProviderHarness.Png1x1, "image/png", new Uri("https://api.replicate.com/v1/files/abc/download"));
        _h.Handler.Json(HttpStatusCode.Created, Prediction("succeeded", "https://replicate.delivery/xezq/out-0.webp", predict: 1));
        _h.Handler.Bytes(ProviderHarness.Png1x1, "image/webp", new Uri("https://replicate.delivery/xezq/out-0.webp"));

        Assert.Equal(AttemptOutcome.Ok, (await Run()).Outcome);
        Assert.Equal(AttemptOutcome.Ok, (await Run()).Outcome);

        Assert.Equal("Bearer r8_secret", _h.Handler.Requests[1].Headers["Authorization"]);
        Assert.False(_h.Handler.Requests[3].Headers.ContainsKey("Authorization"));
        Assert.False(ReplicateProvider.SendsKeyTo(new Uri("https://replicate.delivery/x"), new Uri("https://api.replicate.com/")));
        Assert.False(ReplicateProvider.SendsKeyTo(new Uri("http://api.replicate.com/x"), new Uri("https://gateway.example/")));
    }

    [Fact]
    public async Task Succeeded_without_output_and_bad_data_urls_are_invalid_responses()
    {
        _h.Handler.Json(HttpStatusCode.Created, Prediction("succeeded"));
        _h.Handler.Json(HttpStatusCode.Created, Prediction("succeeded", "data:image/png;base64,@@@"));
        Assert.Equal("prediction succeeded without output", (await Run()).Reason);
        var bad = await Run();
        Assert.Equal(AttemptOutcome.InvalidResponse, bad.Outcome);
        Assert.Equal("output: data: URL payload is not valid base64", bad.Reason);
    }

    [Fact]
    public async Task Validation_422_problem_json_is_a_provider_error()
    {
        _h.Handler.Json(HttpStatusCode.UnprocessableEntity, """{"title":"Input validation failed","detail":"- input.aspect_ratio: aspect_ratio must be one of …","status":422}""");
        var result = await Run();
        Assert.Equal(AttemptOutcome.ProviderError, result.Outcome);
        Assert.Equal("HTTP 422 Input validation failed: - input.aspect_ratio: aspect_ratio must be one of …", result.Reason);
    }

    [Fact]
    public async Task Resume_polls_the_stored_prediction_without_creating_another()
    {
        _h.Handler.Json(HttpStatusCode.OK, Prediction("processing"), new Uri(Get));
        _h.Handler.Json(HttpStatusCode.OK, Prediction("succeeded", "data:image/png;base64," + ProviderHarness.Png1x1Base64, predict: 4), new Uri(Get));
        var rec = _h.NewRecorder();

        var result = await _h.Clock.RunAsync(() => _h.Registry.For("replicate").ResumeAsync(
            new GenerationRequest(ProviderHarness.Model("replicate", "black-forest-labs/flux-1.1-pro", "https://api.replicate.com/"), "p", 1024, 1024, new ApiKey("r8_secret")),
            new JobHandle("p1", Get), rec, CancellationToken.None));

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(4000, result.ServerMs);
        Assert.DoesNotContain(_h.Handler.Requests, r => r.Method == HttpMethod.Post);
        Assert.Empty(_h.SubmittedJobs);
        Assert.All(_h.Handler.Requests, r => Assert.Equal("Bearer r8_secret", r.Headers["Authorization"]));
    }

    [Theory]
    [InlineData(null, "wait")]
    [InlineData("true", "wait")]
    [InlineData("30", "wait=30")]
    [InlineData("false", null)]
    public void Wait_option_maps_to_the_prefer_header(string? option, string? header)
    {
        var options = option is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["wait"] = option };
        Assert.Equal(header, ReplicateProvider.PreferHeader(options));
    }
}
