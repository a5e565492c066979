using System.Net;
using ImageBench.Emulator.Faults;
using static ImageBench.Tests.Emulator.EmulatorFixture;

namespace ImageBench.Tests.Emulator.Faults;

/// <summary>Faults answered before the provider accepts the work: in the family's own shape, and never billed.</summary>
public sealed class RejectionTests
{
    [Fact]
    public async Task A_502_is_a_load_balancers_html_page_and_the_retry_is_billed_once()
    {
        await using var server = await FaultLab.StartAsync("fal-ai/flux-pro/v1.1", FaultKind.BadGatewayHtml);
        using var http = Client();
        using var rejected = await http.SendAsync(FaultLab.Fal(server));
        using var retried = await http.SendAsync(FaultLab.Fal(server));

        Assert.Equal(HttpStatusCode.BadGateway, rejected.StatusCode);
        Assert.Equal("text/html", rejected.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<h1>502 Bad Gateway</h1>", await rejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var counters = server.Stats.ForModel("fal-ai/flux-pro/v1.1");
        Assert.Equal((2, 1), (counters.Submissions, counters.Billed));
        Assert.Equal(1, counters.Faults["502"]);
    }

    [Fact]
    public async Task An_invalid_key_is_a_401_in_the_familys_envelope_on_every_call()
    {
        await using var server = await FaultLab.StartAsync("black-forest-labs/flux-1.1-pro", FaultKind.InvalidKey);
        using var http = Client();
        using var response = await http.SendAsync(FaultLab.Replicate(server));
        using var again = await http.SendAsync(FaultLab.Replicate(server));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Unauthenticated", (string)(await JsonAsync(response))["title"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode); // a rejected key stays rejected: no retry cures it
        Assert.Equal(0, server.Stats.ForModel("black-forest-labs/flux-1.1-pro").Billed);
    }

    [Fact]
    public async Task Out_of_credit_is_a_402_with_the_familys_words()
    {
        await using var server = await FaultLab.StartAsync("google/gemini-2.5-flash-image", FaultKind.NoCredit);
        using var http = Client();
        using var response = await http.SendAsync(FaultLab.OpenRouter(server));

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.StartsWith("Insufficient credits", (string)(await JsonAsync(response))["error"]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAI_says_out_of_credit_with_a_429_that_no_retry_cures()
    {
        await using var server = await FaultLab.StartAsync("gpt-image-2", FaultKind.NoCredit);
        using var http = Client();
        using var response = await http.SendAsync(OpenAIRequest(server, new { model = "gpt-image-2", prompt = "p", size = "1024x1024" }));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("insufficient_quota", (string)(await JsonAsync(response))["error"]!["code"]!);
        Assert.False(response.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task A_persistent_fault_answers_every_call_and_nothing_is_billed()
    {
        await using var server = await FaultLab.StartAsync("gemini-2.5-flash-image", FaultKind.Persistent);
        using var http = Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await http.SendAsync(FaultLab.Gemini(server));
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));
        var counters = server.Stats.ForModel("gemini-2.5-flash-image");
        Assert.Equal((4, 0, 4), (counters.Submissions, counters.Billed, counters.Faults["persistent"]));
    }

    [Fact]
    public async Task A_poll_fault_is_never_repeated_on_the_next_poll()
    {
        await using var server = await FaultLab.StartAsync("qwen-image-plus", FaultKind.Unavailable, FaultSite.Poll);
        using var http = Client();
        using var submit = await http.SendAsync(FaultLab.DashScopeAsync(server));
        var task = new Uri(server.BaseUrl, "api/v1/tasks/" + (string)(await JsonAsync(submit))["output"]!["task_id"]!).AbsoluteUri;
        using var first = await http.SendAsync(FaultLab.Get(task));
        using var second = await http.SendAsync(FaultLab.Get(task));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal("ServiceUnavailable", (string)(await JsonAsync(first))["code"]!);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("SUCCEEDED", (string)(await JsonAsync(second))["output"]!["task_status"]!);
        Assert.Equal(1, server.Stats.Faults("503@poll"));
        Assert.Equal(2, server.Stats.ForModel("qwen-image-plus").Polls);
    }
}
