using System.Net.Http.Headers;
using System.Net.Http.Json;
using ImageBench.Emulator;
using ImageBench.Emulator.Faults;

namespace ImageBench.Tests.Emulator.Faults;

/// <summary>An emulator where one model suffers one fault on every eligible call, and the requests of each family.</summary>
internal static class FaultLab
{
    public static Task<EmulatorServer> StartAsync(string model, FaultKind kind, FaultSite site = FaultSite.Create, double rate = 1, string format = "png") =>
        EmulatorFixture.StartAsync(o => o.WithProfile(model, new ModelProfile
        {
            ImageFormat = format,
            Failures = new FailureInjection { Faults = [new FaultRate(kind, site, rate)] },
        }));

    /// <summary>Completes when the emulator injects a fault with this label (subscribe before sending).</summary>
    public static Task WhenInjected(EmulatorServer server, string label)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Stats.FaultCounted += l => { if (l == label) done.TrySetResult(); };
        return done.Task;
    }

    public static HttpRequestMessage Bearer(EmulatorServer server, string path, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUrl, path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "k");
        return request;
    }

    public static HttpRequestMessage Get(string url, string scheme = "Bearer", string key = "k")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {key}");
        return request;
    }

    public static HttpRequestMessage Fal(EmulatorServer server, string prompt = "p")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUrl, "fal-ai/flux-pro/v1.1"))
        {
            Content = JsonContent.Create(new { prompt, image_size = new { width = 256, height = 256 } }),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Key k");
        return request;
    }

    public static HttpRequestMessage Replicate(EmulatorServer server) =>
        Bearer(server, "v1/models/black-forest-labs/flux-1.1-pro/predictions",
            JsonContent.Create(new { input = new { prompt = "p", aspect_ratio = "custom", width = 256, height = 256 } }));

    public static HttpRequestMessage Gemini(EmulatorServer server, string model = "gemini-2.5-flash-image") =>
        Google(server, $"v1beta/models/{model}:generateContent", new
        {
            contents = new[] { new { role = "user", parts = new[] { new { text = "p" } } } },
            generationConfig = new { responseModalities = new[] { "TEXT", "IMAGE" } },
        });

    public static HttpRequestMessage Imagen(EmulatorServer server) =>
        Google(server, "v1beta/models/imagen-4.0-generate-001:predict", new { instances = new[] { new { prompt = "p" } } });

    public static HttpRequestMessage OpenRouter(EmulatorServer server) =>
        Bearer(server, "api/v1/chat/completions", JsonContent.Create(new
        {
            model = "google/gemini-2.5-flash-image", modalities = new[] { "image", "text" }, messages = new[] { new { role = "user", content = "p" } },
        }));

    public static HttpRequestMessage Ark(EmulatorServer server, string responseFormat = "url") =>
        Bearer(server, "api/v3/images/generations", JsonContent.Create(new { model = "seedream-4-0-250828", prompt = "p", size = "256x256", response_format = responseFormat }));

    public static HttpRequestMessage Recraft(EmulatorServer server) =>
        Bearer(server, "recraft/v1/images/generations", JsonContent.Create(new { model = "recraftv3", prompt = "p", size = "256x256" }));

    public static HttpRequestMessage DashScopeSync(EmulatorServer server) =>
        Bearer(server, "api/v1/services/aigc/multimodal-generation/generation", JsonContent.Create(new
        {
            model = "qwen-image-plus", input = new { messages = new[] { new { role = "user", content = new[] { new { text = "p" } } } } }, parameters = new { size = "256*256" },
        }));

    public static HttpRequestMessage DashScopeAsync(EmulatorServer server)
    {
        var request = Bearer(server, "api/v1/services/aigc/text2image/image-synthesis",
            JsonContent.Create(new { model = "qwen-image-plus", input = new { prompt = "p" }, parameters = new { size = "256*256" } }));
        request.Headers.Add("X-DashScope-Async", "enable");
        return request;
    }

    public static HttpRequestMessage Stability(EmulatorServer server) =>
        Bearer(server, "v2beta/stable-image/generate/core", new MultipartFormDataContent { { new StringContent("p"), "prompt" }, { new StringContent("jpeg"), "output_format" } });

    public static HttpRequestMessage Ideogram(EmulatorServer server)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUrl, "v1/ideogram-v3/generate"))
        {
            Content = new MultipartFormDataContent { { new StringContent("p"), "prompt" }, { new StringContent("256x256"), "resolution" } },
        };
        request.Headers.Add("Api-Key", "k");
        return request;
    }

    private static HttpRequestMessage Google(EmulatorServer server, string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUrl, path)) { Content = JsonContent.Create(body) };
        request.Headers.Add("x-goog-api-key", "AIza-k");
        return request;
    }
}
