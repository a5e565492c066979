using System.Net;
using System.Net.Sockets;
using ImageBench.Emulator.Faults;
using static ImageBench.Tests.Emulator.EmulatorFixture;

namespace ImageBench.Tests.Emulator.Faults;

/// <summary>Faults after the provider accepted (and would bill) the work: the client gets no answer or a broken one.</summary>
public sealed class BrokenAnswerTests
{
    [Fact]
    public async Task A_reset_before_headers_comes_after_the_work_was_accepted()
    {
        await using var server = await FaultLab.StartAsync("seedream-4-0-250828", FaultKind.ResetBeforeHeaders);
        using var http = Client();

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.SendAsync(FaultLab.Ark(server)));
        using var retried = await http.SendAsync(FaultLab.Ark(server));

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var counters = server.Stats.ForModel("seedream-4-0-250828");
        Assert.Equal((2, 2), (counters.Submissions, counters.Billed)); // both were paid for: the lost one too
    }

    [Theory]
    [InlineData(FaultKind.ResetMidBody)]
    [InlineData(FaultKind.TruncatedBody)]
    public async Task A_body_cut_short_ends_in_a_reset_or_an_early_end_of_stream(FaultKind kind)
    {
        await using var server = await FaultLab.StartAsync("imagen-4.0-generate-001", kind);
        using var http = Client();
        using var response = await http.SendAsync(FaultLab.Imagen(server), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(() => response.Content.ReadAsByteArrayAsync());
        var causes = Causes(error).ToList();
        if (kind == FaultKind.ResetMidBody)
            Assert.Contains(causes, e => e is SocketException { SocketErrorCode: SocketError.ConnectionReset });
        else
            Assert.Contains(causes, e => e is HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded });
        Assert.Equal(1, server.Stats.ForModel("imagen-4.0-generate-001").Billed);
    }

    private static IEnumerable<Exception> Causes(Exception? e)
    {
        for (; e is not null; e = e.InnerException) yield return e;
    }

    [Fact]
    public async Task A_504_is_a_gateway_page_after_the_work_was_accepted()
    {
        await using var server = await FaultLab.StartAsync("stable-image-core", FaultKind.GatewayTimeoutHtml);
        using var http = Client();
        using var response = await http.SendAsync(FaultLab.Stability(server));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Contains("504 Gateway Time-out", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, server.Stats.ForModel("stable-image-core").Billed);
    }

    [Fact]
    public async Task A_hang_never_answers_until_the_client_gives_up()
    {
        await using var server = await FaultLab.StartAsync("gpt-image-2", FaultKind.Hang);
        using var http = Client();
        using var giveUp = new CancellationTokenSource();
        var hanging = FaultLab.WhenInjected(server, "hang");

        var send = http.SendAsync(OpenAIRequest(server, new { model = "gpt-image-2", prompt = "p", size = "1024x1024" }), giveUp.Token);
        await hanging;
        Assert.False(send.IsCompleted);
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        Assert.Equal(1, server.Stats.ForModel("gpt-image-2").Billed);
    }

    [Fact]
    public async Task Html_on_a_200_is_a_challenge_page()
    {
        await using var server = await FaultLab.StartAsync("qwen-image-plus", FaultKind.HtmlOn200);
        using var http = Client();
        using var response = await http.SendAsync(FaultLab.DashScopeSync(server));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_json_is_a_200_with_nothing_in_it()
    {
        await using var server = await FaultLab.StartAsync("recraftv3", FaultKind.EmptyJson);
        using var http = Client();
        using var response = await http.SendAsync(FaultLab.Recraft(server));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Wrong_types_keep_the_field_names_and_the_next_poll_is_clean()
    {
        await using var server = await FaultLab.StartAsync("fal-ai/flux-pro/v1.1", FaultKind.WrongTypes, FaultSite.Poll);
        using var http = Client();
        using var submit = await http.SendAsync(FaultLab.Fal(server));
        var statusUrl = (string)(await JsonAsync(submit))["status_url"]!;
        using var broken = await http.SendAsync(FaultLab.Get(statusUrl, "Key"));
        using var clean = await http.SendAsync(FaultLab.Get(statusUrl, "Key"));

        var wrong = await JsonAsync(broken);
        Assert.Equal(System.Text.Json.JsonValueKind.Number, wrong["status"]!.GetValueKind());
        Assert.Equal("COMPLETED", (string)(await JsonAsync(clean))["status"]!);
    }

    [Fact]
    public async Task Bad_base64_breaks_an_inline_data_url()
    {
        await using var server = await FaultLab.StartAsync("google/gemini-2.5-flash-image", FaultKind.BadBase64);
        using var http = Client();
        using var response = await http.SendAsync(FaultLab.OpenRouter(server));

        var url = (string)(await JsonAsync(response))["choices"]![0]!["message"]!["images"]![0]!["image_url"]!["url"]!;
        Assert.StartsWith("data:image/", url, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => Convert.FromBase64String(url[(url.IndexOf(',', StringComparison.Ordinal) + 1)..]));
    }

    [Fact]
    public async Task Not_an_image_decodes_but_is_no_image_format()
    {
        await using var server = await FaultLab.StartAsync("gemini-2.5-flash-image", FaultKind.NotImage);
        using var http = Client();
        using var response = await http.SendAsync(FaultLab.Gemini(server));

        var parts = (await JsonAsync(response))["candidates"]![0]!["content"]!["parts"]!.AsArray();
        var data = (string)parts.Single(p => p!["inlineData"] is not null)!["inlineData"]!["data"]!;
        Assert.Equal("unknown", FormatOf(Convert.FromBase64String(data)));
    }

    [Fact]
    public async Task A_body_fault_with_nothing_to_break_is_neither_injected_nor_counted()
    {
        // Recraft answers a URL: there is no inline image to corrupt.
        await using var server = await FaultLab.StartAsync("recraftv3", FaultKind.BadBase64);
        using var http = Client();
        using var response = await http.SendAsync(FaultLab.Recraft(server));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((string?)(await JsonAsync(response))["data"]![0]!["url"]);
        Assert.Equal(0, server.Stats.InjectedFailures);
    }
}
