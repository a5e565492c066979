using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImageBench.Emulator;
using ImageBench.Scoring.Judge;
using ImageBench.Scoring.Judge.Clients;
using ImageBench.Tests.Support;
using Microsoft.Extensions.AI;
using static ImageBench.Tests.Emulator.EmulatorFixture;
using static ImageBench.Tests.Emulator.Scenes.ArticlePrompts;

namespace ImageBench.Tests.Emulator.Judge;

public sealed class EmulatedJudgeEndpointTests
{
    private static readonly IReadOnlyList<JudgeQuestion> CottageQuestions =
    [
        new("bench", "Is there a wooden bench beside the door?"),
        new("trees", "Are there exactly 4 autumn maple trees?", "autumn maple tree"),
        new("fog", "Is there knee-high fog?"),
    ];

    private static async Task<JudgeReply> AskAsync(IChatClient judge, byte[] png, IReadOnlyList<JudgeQuestion> questions)
    {
        var response = await judge.GetResponseAsync(
        [
            new ChatMessage(ChatRole.System, JudgeProtocol.SystemPrompt),
            new ChatMessage(ChatRole.User, [new DataContent(png, "image/png"), new TextContent(JudgeProtocol.UserText(questions))]),
        ]);
        return JudgeProtocol.Parse(response.Text, out var error) ?? throw new InvalidOperationException(error);
    }

    /// <summary>The answer most of three samples gave: the sample noise may turn one of them to "unsure".</summary>
    private static string Majority(IEnumerable<JudgeReply> samples, string id) =>
        samples.Select(r => r.Answers.Single(a => a.Id == id).Answer).GroupBy(a => a).OrderByDescending(g => g.Count()).First().Key;

    [Fact]
    public async Task End_to_end_a_gpt_image_2_cottage_from_the_images_endpoint_is_judged_through_the_openai_client()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var generated = await http.SendAsync(OpenAIRequest(server, new { model = "gpt-image-2", prompt = Cottage, size = "1024x1024" }));
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        var served = Convert.FromBase64String((string)(await JsonAsync(generated))["data"]![0]!["b64_json"]!);
        var png = JudgeImages.ReencodedPng(served);

        using var judge = JudgeClients.Create("emulated", http, new JudgeClientOptions { EmulatorBaseUrl = server.BaseUrl });
        var samples = new List<JudgeReply>();
        for (var i = 0; i < 3; i++) samples.Add(await AskAsync(judge, png, CottageQuestions));

        Assert.Equal("no", Majority(samples, "bench"));
        Assert.Equal("yes", Majority(samples, "trees"));
        Assert.Equal("yes", Majority(samples, "fog"));
        Assert.Contains(samples, s => s.Answers.Single(a => a.Id == "trees").Count == 4);
        Assert.All(samples, s => Assert.StartsWith("Emulated judge:", s.Observation, StringComparison.Ordinal));
        Assert.Contains("no wooden bench", samples[0].Observation, StringComparison.Ordinal);
        Assert.Equal(3, server.Stats.Generations("judge"));
    }

    [Fact]
    public async Task End_to_end_a_flux_bakery_image_from_bfl_fails_the_egg_count()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var submit = await http.SendAsync(BflSubmit(server, "flux-pro-1.1", new { prompt = Bakery, width = 512, height = 512 }));
        var ready = await PollAsync(http, (string)(await JsonAsync(submit))["polling_url"]!);
        var served = await http.GetByteArrayAsync((string)ready["result"]!["sample"]!);
        Assert.Equal("webp", FormatOf(served));

        using var judge = JudgeClients.Create("emulated", http, new JudgeClientOptions { EmulatorBaseUrl = server.BaseUrl });
        IReadOnlyList<JudgeQuestion> questions =
        [
            new("egg", "Is there a brown egg?"),
            new("egg.count", "Is there exactly one brown egg?", "brown egg"),
            new("croissants.count", "Are there exactly three croissants?", "croissant"),
        ];
        var samples = new List<JudgeReply>();
        for (var i = 0; i < 3; i++) samples.Add(await AskAsync(judge, JudgeImages.ReencodedPng(served), questions));

        Assert.Equal("yes", Majority(samples, "egg"));
        Assert.Equal("no", Majority(samples, "egg.count"));
        Assert.Equal("yes", Majority(samples, "croissants.count"));
        Assert.Contains(samples[0].Answers.Single(a => a.Id == "egg.count").Count!.Value, new[] { 3, 4 });
    }

    [Fact]
    public async Task An_image_the_emulator_did_not_draw_is_unsure_throughout()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var judge = JudgeClients.Create("emulated", http, new JudgeClientOptions { EmulatorBaseUrl = server.BaseUrl });

        var reply = await AskAsync(judge, TestImages.Png(64, 64), CottageQuestions);

        Assert.All(reply.Answers, a => Assert.Equal("unsure", a.Answer));
        Assert.Equal(CottageQuestions.Select(q => q.Id), reply.Answers.Select(a => a.Id));
    }

    [Fact]
    public async Task The_answer_is_an_openai_chat_completion_with_usage()
    {
        await using var server = await StartAsync();
        using var http = Client();
        var body = new
        {
            model = "any-judge",
            messages = new object[]
            {
                new { role = "system", content = JudgeProtocol.SystemPrompt },
                new
                {
                    role = "user",
                    content = new object[]
                    {
                        new { type = "text", text = JudgeProtocol.UserText(CottageQuestions) },
                        new { type = "image_url", image_url = new { url = "data:image/png;base64," + Convert.ToBase64String(TestImages.Png(8, 8)) } },
                    },
                },
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.JudgeBaseUrl, "chat/completions")) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", "sk-test");
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.Equal("chat.completion", (string)json["object"]!);
        Assert.Equal("any-judge", (string)json["model"]!);
        Assert.Equal("stop", (string)json["choices"]![0]!["finish_reason"]!);
        Assert.NotNull(JudgeProtocol.Parse((string)json["choices"]![0]!["message"]!["content"]!, out _));
        var usage = json["usage"]!.AsObject();
        Assert.Equal((int)usage["prompt_tokens"]! + (int)usage["completion_tokens"]!, (int)usage["total_tokens"]!);
    }

    [Theory]
    [InlineData(null, "sk-test", 400, "invalid_image_url")]
    [InlineData("data:image/png;base64,AAAA", "sk-test", 400, "invalid_image_format")]
    [InlineData("png", null, 401, "invalid_api_key")]
    public async Task Bad_requests_get_openai_error_envelopes(string? imageUrl, string? key, int status, string code)
    {
        await using var server = await StartAsync();
        using var http = Client();
        var content = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = JudgeProtocol.UserText(CottageQuestions) });
        var url = imageUrl == "png" ? "data:image/png;base64," + Convert.ToBase64String(TestImages.Png()) : imageUrl;
        if (url is not null) content.Add(new JsonObject { ["type"] = "image_url", ["image_url"] = new JsonObject { ["url"] = url } });
        var body = new JsonObject { ["model"] = "m", ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = content }) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUrl, "v1/chat/completions"))
        {
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (key is not null) request.Headers.Authorization = new("Bearer", key);
        using var response = await http.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, (string)(await JsonAsync(response))["error"]!["code"]!);
    }
}
