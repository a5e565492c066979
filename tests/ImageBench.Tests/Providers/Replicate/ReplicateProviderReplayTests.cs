using System.Net;
using System.Text.Json.Nodes;
using ImageBench.Attempts;
using ImageBench.Providers;
using ImageBench.Providers.Replicate;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Providers.Replicate;

/// <summary>
/// The Replicate adapter against the replicate-python cassettes (REAL VCR, 2023-2024): the SDXL polling sequence,
/// sync mode (Prefer: wait) answering "processing" with the output already inline, cancellation, and the 401
/// problem+json. Large data: URL outputs were trimmed by the collector and are replaced by a tiny PNG here.
/// </summary>
public sealed class ReplicateProviderReplayTests : IDisposable
{
    private const string SdxlVersion = "stability-ai/sdxl:39ed52f2a78e934b3ba6e2a89f5b1c712de7dfea535525255b1aa35c5565e08b";
    private const string Corgi = "a studio photo of a rainbow colored corgi";
    private readonly ProviderHarness _h = new();

    public void Dispose() => _h.Dispose();

    public static TheoryData<string> CassetteFiles() =>
        new(Directory.GetFiles(Fixtures.Path("replicate", "replicate-python-cassettes"), "*.yaml").Select(Path.GetFileName).Order()!);

    private static IReadOnlyList<VcrInteraction> Cassette(string name) => VcrCassette.Load(Fixtures.Path("replicate", "replicate-python-cassettes", name));

    private static bool IsPrediction(VcrInteraction i) => i.Uri.AbsolutePath.Contains("/predictions", StringComparison.Ordinal);

    private static GenerationRequest Sdxl(string? wait) => new(
        ProviderHarness.Model("replicate", SdxlVersion, "https://api.replicate.com/", new Dictionary<string, string>
        {
            ["wait"] = wait ?? "false", ["size"] = "width_height", ["seed"] = "42069",
        }), Corgi, 512, 512, new ApiKey("r8_secret"));

    private Task<GenerationResult> Run(GenerationRequest request, AttemptRecorder rec) =>
        _h.Clock.RunAsync(() => _h.Registry.For("replicate").GenerateAsync(request, rec, CancellationToken.None));

    [Fact]
    public async Task Recorded_sdxl_run_goes_starting_processing_succeeded_then_downloads_without_the_key()
    {
        var recorded = Cassette("run.yaml").Where(IsPrediction).ToList();
        foreach (var i in recorded) _h.Handler.Enqueue(i.ToReply(serverTime: TimeSpan.FromMilliseconds(100)));
        var final = recorded[^1].ResponseJson!;
        var output = new Uri((string)final["output"]![0]!);
        _h.Handler.Bytes(ProviderHarness.Png1x1, "image/png", output, TimeSpan.FromMilliseconds(40));
        var pollsBeforeJobStored = new List<int>();
        _h.Handler.OnRequest = r => { if (r.Method == HttpMethod.Get && r.Uri.Host == "api.replicate.com") pollsBeforeJobStored.Add(_h.SubmittedJobs.Count); };
        var rec = _h.NewRecorder();

        var result = await Run(Sdxl(null), rec);

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal("azaq55dbukgxg6kubr4k6g3pby", result.ProviderRequestId);
        Assert.Equal(5524.512, result.ServerMs!.Value, 6);
        Assert.Equal("metrics.predict_time", result.ServerMsSource);
        Assert.Equal("image/png", result.DeclaredContentType);
        Assert.Equal(ProviderHarness.Png1x1, result.ImageBytes);
        Assert.Equal("42069", result.Seed);
        Assert.Equal(new JobHandle("azaq55dbukgxg6kubr4k6g3pby", "https://api.replicate.com/v1/predictions/azaq55dbukgxg6kubr4k6g3pby"), Assert.Single(_h.SubmittedJobs));
        Assert.All(pollsBeforeJobStored, n => Assert.Equal(1, n));

        var sent = _h.Handler.Requests;
        Assert.Equal(JsonCanon.Of(recorded[0].RequestJson), JsonCanon.Of(sent[0].BodyJson));
        Assert.Equal(recorded[0].Uri, sent[0].Uri);
        Assert.False(sent[0].Headers.ContainsKey("Prefer"));
        Assert.All(sent.Where(r => r.Uri.Host == "api.replicate.com"), r => Assert.Equal("Bearer r8_secret", r.Headers["Authorization"]));
        Assert.False(sent[^1].Headers.ContainsKey("Authorization")); // replicate.delivery never gets the token
        Assert.Equal(0, _h.Handler.Remaining);

        var statuses = recorded.Select(i => (string)i.ResponseJson!["status"]!).ToList();
        var (phases, _) = rec.Stop();
        Assert.Equal([PhaseNames.Submit, PhaseNames.Queued, PhaseNames.Generating, PhaseNames.Download], phases.Select(p => p.Name));
        // A phase changes when a poll's answer says so (500 ms wait + 100 ms answer per poll): the polls answering
        // "starting" and the first one answering "processing" are queue time; the later ones and "succeeded" generation.
        Assert.Equal((statuses.Skip(1).Count(s => s == "starting") + 1) * 600.0, phases[1].DurationMs, 3);
        Assert.Equal(statuses.Count(s => s == "processing") * 600.0, phases[2].DurationMs, 3);
    }

    public static TheoryData<string> BlockingCassettes() =>
        new(Directory.GetFiles(Fixtures.Path("replicate", "replicate-python-cassettes"), "test_predictions_create_blocking*.yaml").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(BlockingCassettes))]
    public async Task Sync_mode_processing_answer_with_output_is_taken_at_once(string file)
    {
        var create = Cassette(file).First(i => i.Method.Equals("POST", StringComparison.OrdinalIgnoreCase) && IsPrediction(i));
        var body = create.ResponseJson!.AsObject();
        Assert.Equal("processing", (string)body["status"]!); // the recorded surprise: output present, status not final
        body["output"] = new JsonArray("data:image/png;base64," + ProviderHarness.Png1x1Base64);
        _h.Handler.Enqueue(create.ToReply(body.ToJsonString(), TimeSpan.FromMilliseconds(3500)));
        var prefer = create.RequestHeaders["prefer"];
        var rec = _h.NewRecorder();

        var result = await Run(Sdxl(prefer == "wait" ? "true" : prefer["wait=".Length..]), rec);

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(201, result.HttpStatus);
        Assert.Equal(ProviderHarness.Png1x1, result.ImageBytes);
        Assert.Equal("image/png", result.DeclaredContentType);
        Assert.Null(result.ServerMs); // no metrics yet in a "processing" answer
        var sent = Assert.Single(_h.Handler.Requests);
        Assert.Equal(prefer, sent.Headers["Prefer"]);
        Assert.Equal(JsonCanon.Of(create.RequestJson), JsonCanon.Of(sent.BodyJson));
        Assert.Equal((string)body["id"]!, Assert.Single(_h.SubmittedJobs).JobId);
        var (phases, _) = rec.Stop();
        Assert.Equal([PhaseNames.Generating, PhaseNames.Download], phases.Select(p => p.Name));
        Assert.Equal(3500, phases[0].DurationMs);
    }

    [Theory]
    [MemberData(nameof(CassetteFiles))]
    public void Every_recorded_prediction_object_parses(string file)
    {
        var predictions = Cassette(file).Where(i => i.ResponseJson is JsonObject o && o["id"] is not null && o["status"] is not null).ToList();
        foreach (var i in predictions)
        {
            var json = i.ResponseJson!;
            var (parsed, failure) = ReplicateResponseParser.Parse(System.Text.Encoding.UTF8.GetBytes(i.ResponseBody));
            Assert.True(parsed is not null, $"{file} {i.Uri}: {failure}");
            Assert.Equal((string)json["status"]!, parsed.Status);
            Assert.Equal((string?)json["urls"]?["get"], parsed.GetUrl?.AbsoluteUri);
            Assert.Equal(json["metrics"]?["predict_time"] is JsonValue v ? v.GetValue<double>() : null, parsed.PredictSeconds);
            if (json["output"] is JsonArray { Count: > 0 } outputs && outputs[0] is JsonValue first && first.TryGetValue<string>(out var url))
                Assert.Equal(url, parsed.Output);
        }
    }

    [Fact]
    public void The_seed_is_the_models_log_line_else_the_echoed_input()
    {
        // models-get.yaml's default_example: the input sets no seed, the model logged the one it drew.
        var example = Cassette("models-get.yaml").Select(i => i.ResponseJson?["default_example"]).OfType<JsonObject>().First();
        Assert.Null(example["input"]!["seed"]);
        var blocking = Cassette("test_predictions_create_blocking[True-True].TRIMMED.yaml").First(i => IsPrediction(i) && i.Method.Equals("POST", StringComparison.OrdinalIgnoreCase));
        string? SeedOf(string json) => ReplicateResponseParser.Parse(System.Text.Encoding.UTF8.GetBytes(json)).Prediction!.Seed;

        Assert.Equal("16010", SeedOf(example.ToJsonString()));
        Assert.Equal("42069", SeedOf(Cassette("predictions-get.yaml")[0].ResponseBody));
        Assert.Equal("", (string)blocking.ResponseJson!["logs"]!); // sync mode answers before the model logged anything
        Assert.Equal("42069", SeedOf(blocking.ResponseBody));
        example.Remove("logs");
        Assert.Null(SeedOf(example.ToJsonString()));
    }

    [Fact]
    public async Task Recorded_cancellation_is_a_provider_error_with_its_server_time()
    {
        var cassette = Cassette("test_predictions_cancel[False].yaml");
        var create = cassette.First(i => i.Uri.AbsolutePath == "/v1/predictions");
        var canceled = cassette.First(i => i.Uri.AbsolutePath.EndsWith("/cancel", StringComparison.Ordinal));
        _h.Handler.Enqueue(create.ToReply());
        _h.Handler.Json(HttpStatusCode.OK, canceled.ResponseBody, new Uri((string)create.ResponseJson!["urls"]!["get"]!));

        var result = await Run(Sdxl(null), _h.NewRecorder());

        Assert.Equal(AttemptOutcome.ProviderError, result.Outcome);
        Assert.Equal("prediction canceled", result.Reason);
        Assert.Equal(128.148, result.ServerMs!.Value, 6);
        Assert.Equal("hdwst0bb05rgp0cf0p29mzk2am", result.ProviderRequestId);
    }

    [Fact]
    public async Task Recorded_401_problem_json_is_a_provider_error_and_no_job()
    {
        var unauthorized = Assert.Single(Cassette("run__invalid-token.yaml"));
        _h.Handler.Enqueue(unauthorized.ToReply());

        var result = await Run(Sdxl(null), _h.NewRecorder());

        Assert.Equal(AttemptOutcome.ProviderError, result.Outcome);
        Assert.Equal(401, result.HttpStatus);
        Assert.Equal("HTTP 401 Unauthenticated: You did not pass a valid authentication token", result.Reason);
        Assert.Empty(_h.SubmittedJobs);
        Assert.NotNull(result.Request);
    }

    [Fact]
    public void Recorded_404_without_title_keeps_the_detail()
    {
        var missing = Assert.Single(Cassette("trainings-create__invalid-destination.yaml"));
        var (outcome, reason) = ReplicateErrorClassifier.ClassifyHttp(missing.Status, missing.ResponseBody);
        Assert.Equal(AttemptOutcome.ProviderError, outcome);
        Assert.Equal("HTTP 404: The specified training destination does not exist", reason);
    }
}
