using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImageBench.Emulator;

namespace ImageBench.Tests.Emulator;

/// <summary>Starts a real emulator at TimeScale 0 (no waiting) and talks to it with a real HttpClient.</summary>
internal static class EmulatorFixture
{
    public const string Poster =
        "Minimalist coffee shop poster — large bold serif \"MORNING BREW\", subtitle \"OPEN FROM 7 AM EVERY DAY\", watercolor coffee cup on the lower right, editorial layout.";

    public static Task<EmulatorServer> StartAsync(Func<EmulatorOptions, EmulatorOptions>? configure = null)
    {
        var options = EmulatorOptions.ArticleDefaults(0);
        return EmulatorServer.StartAsync(configure is null ? options : configure(options));
    }

    public static EmulatorOptions WithProfile(this EmulatorOptions options, string model, ModelProfile profile)
    {
        var profiles = new Dictionary<string, ModelProfile>(options.Profiles) { [model] = profile };
        return options with { Profiles = profiles };
    }

    public static HttpClient Client() => new() { Timeout = TimeSpan.FromSeconds(60) };

    public static HttpRequestMessage OpenAIRequest(EmulatorServer server, object body, string? key = "sk-test")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUrl, "v1/images/generations"))
        {
            Content = JsonContent.Create(body),
        };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return request;
    }

    public static HttpRequestMessage BflSubmit(EmulatorServer server, string endpoint, object body, string? key = "bfl-test")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUrl, "v1/" + endpoint)) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("x-key", key);
        }
        return request;
    }

    public static async Task<JsonObject> PollAsync(HttpClient http, string pollingUrl, string key = "bfl-test")
    {
        using var poll = new HttpRequestMessage(HttpMethod.Get, pollingUrl);
        poll.Headers.Add("x-key", key);
        using var response = await http.SendAsync(poll);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public static string FormatOf(byte[] bytes) => bytes switch
    {
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "png",
        [0xFF, 0xD8, 0xFF, ..] => "jpeg",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "webp",
        _ => "unknown",
    };
}
