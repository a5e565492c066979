using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ImageBench.Emulator;
using static ImageBench.Tests.Emulator.EmulatorFixture;

namespace ImageBench.Tests.Emulator;

/// <summary>The emulator's Replicate predictions API over raw HTTP: recorded 401, problem+json, Prefer: wait, statuses.</summary>
public sealed class ReplicateProtocolTests
{
    private static HttpRequestMessage Create(EmulatorServer server, string path, object body, string? token = "r8_test", string? prefer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUrl, path)) { Content = JsonContent.Create(body) };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (prefer is not null) request.Headers.TryAddWithoutValidation("Prefer", prefer);
        return request;
    }

    [Fact]
    public async Task Missing_token_gets_the_recorded_problem_json()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var response = await http.SendAsync(Create(server, "v1/models/black-forest-labs/flux-1.1-pro/predictions", new { input = new { prompt = "p" } }, token: null));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("""{"title":"Unauthenticated","detail":"You did not pass a valid authentication token","status":401}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invalid_input_is_422_problem_json()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var response = await http.SendAsync(Create(server, "v1/models/black-forest-labs/flux-1.1-pro/predictions", new { input = new { prompt = "p", aspect_ratio = "7:3" } }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal("Input validation failed", (string)body["title"]!);
        Assert.Equal(422, (int)body["status"]!);
    }

    [Fact]
    public async Task Prefer_wait_holds_the_answer_until_the_output_exists()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var response = await http.SendAsync(Create(server, "v1/models/black-forest-labs/flux-1.1-pro/predictions",
            new { input = new { prompt = "p", aspect_ratio = "1:1", output_format = "jpg" } }, prefer: "wait=10"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("wait=10", response.Headers.GetValues("Preference-Applied").Single());
        var prediction = await JsonAsync(response);
        Assert.Equal("succeeded", (string)prediction["status"]!);
        Assert.NotNull(prediction["metrics"]!["predict_time"]);
        var output = new Uri((string)prediction["output"]!);
        Assert.Equal(server.DeliveryBaseUrl.Authority, output.Authority);
        Assert.EndsWith("/out-0.jpg", output.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("jpeg", FormatOf(await http.GetByteArrayAsync(output)));
    }

    [Fact]
    public async Task Without_wait_the_prediction_goes_starting_processing_succeeded()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            Time = clock,
            Profiles = new Dictionary<string, ModelProfile> { ["stability-ai/sdxl"] = new() { Latency = new(10, 10, 10) } },
        });
        using var http = Client();
        using var created = await http.SendAsync(Create(server, "v1/predictions", new { version = "stability-ai/sdxl:39ed52f2", input = new { prompt = "p", width = 512, height = 512 } }));
        var prediction = await JsonAsync(created);
        Assert.Equal("starting", (string)prediction["status"]!);
        Assert.Equal(26, ((string)prediction["id"]!).Length);
        var get = (string)prediction["urls"]!["get"]!;

        async Task<string> StatusAsync()
        {
            using var poll = new HttpRequestMessage(HttpMethod.Get, get);
            poll.Headers.Authorization = new AuthenticationHeaderValue("Token", "r8_test"); // the older scheme still works
            using var response = await http.SendAsync(poll);
            return (string)(await JsonAsync(response))["status"]!;
        }

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("processing", await StatusAsync());
        clock.Advance(TimeSpan.FromSeconds(8));
        Assert.Equal("succeeded", await StatusAsync());
        Assert.Equal(1, server.Stats.Submits("replicate", "stability-ai/sdxl"));
    }
}
