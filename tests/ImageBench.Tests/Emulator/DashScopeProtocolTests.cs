using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using static ImageBench.Tests.Emulator.EmulatorFixture;

namespace ImageBench.Tests.Emulator;

public sealed class DashScopeProtocolTests
{
    private static HttpRequestMessage Submit(ImageBench.Emulator.EmulatorServer server, bool async, string? key = "sk-ds")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUrl, "api/v1/services/aigc/text2image/image-synthesis"))
        {
            Content = JsonContent.Create(new { model = "qwen-image-plus", input = new { prompt = "p" }, parameters = new { size = "1024*1024" } }),
        };
        if (async) request.Headers.Add("X-DashScope-Async", "enable");
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }

    [Fact]
    public async Task Submit_without_the_async_header_is_refused_like_the_real_service()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var response = await http.SendAsync(Submit(server, async: false));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("AccessDenied", (string)(await JsonAsync(response))["code"]!);
        Assert.Equal(0, server.Stats.Generations("dashscope"));
    }

    [Fact]
    public async Task Missing_key_is_401_and_unknown_tasks_are_UNKNOWN()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var anonymous = await http.SendAsync(Submit(server, async: true, key: null));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var poll = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseUrl, "api/v1/tasks/nope"));
        poll.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-ds");
        using var unknown = await http.SendAsync(poll);
        Assert.Equal("UNKNOWN", (string)(await JsonAsync(unknown))["output"]!["task_status"]!);
    }

    [Fact]
    public async Task Succeeded_task_carries_beijing_times_and_a_delivery_url()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var submitted = await http.SendAsync(Submit(server, async: true));
        var id = (string)(await JsonAsync(submitted))["output"]!["task_id"]!;
        using var poll = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseUrl, "api/v1/tasks/" + id));
        poll.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-ds");
        using var done = await http.SendAsync(poll);
        var output = (await JsonAsync(done))["output"]!;

        Assert.Equal("SUCCEEDED", (string)output["task_status"]!);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$", (string)output["end_time"]!);
        var url = new Uri((string)output["results"]![0]!["url"]!);
        Assert.Equal(server.DeliveryBaseUrl.Authority, url.Authority);
        Assert.Equal("png", FormatOf(await http.GetByteArrayAsync(url)));
    }
}
