using ImageBench.Configuration;
using ImageBench.Scoring.Judge.Clients;
using Microsoft.Extensions.AI;

namespace ImageBench.Tests.Scoring.Judge.Clients;

public sealed class JudgeClientsTests
{
    private static readonly HttpClient Http = new();

    private static JudgeClientOptions Env(params (string Name, string Value)[] vars) =>
        new() { Environment = name => vars.FirstOrDefault(v => v.Name == name).Value };

    [Theory]
    [InlineData("openai:gpt-4.1-mini", "openai", "gpt-4.1-mini")]
    [InlineData("openrouter:meta-llama/llama-3.2-11b-vision-instruct:free", "openrouter", "meta-llama/llama-3.2-11b-vision-instruct:free")]
    [InlineData(" Gemini:gemini-2.5-flash ", "gemini", "gemini-2.5-flash")]
    [InlineData("emulated", "emulated", "imagebench-emulated-judge")]
    [InlineData("emulated:my-judge", "emulated", "my-judge")]
    public void Specs_parse_on_the_first_colon(string spec, string provider, string model)
    {
        var parsed = JudgeSpec.Parse(spec);
        Assert.Equal(new JudgeSpec(provider, model), parsed);
        Assert.Equal(provider == "emulated", parsed.IsEmulated);
    }

    [Theory]
    [InlineData("claude:opus", "unknown judge")]
    [InlineData("openai", "names no model")]
    [InlineData("gemini:  ", "names no model")]
    public void Bad_specs_are_input_errors(string spec, string words) =>
        Assert.Contains(words, Assert.Throws<InputException>(() => JudgeSpec.Parse(spec)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("openai:gpt-4.1-mini", "OPENAI_API_KEY")]
    [InlineData("openrouter:google/gemini-2.5-flash", "OPENROUTER_API_KEY")]
    [InlineData("gemini:gemini-2.5-flash", "GEMINI_API_KEY or GOOGLE_API_KEY")]
    public void A_missing_key_names_its_variable(string spec, string variable)
    {
        var e = Assert.Throws<InputException>(() => JudgeClients.Create(spec, Http, Env()));
        Assert.Contains(variable, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_emulated_judge_needs_the_emulator()
    {
        var e = Assert.Throws<InputException>(() => JudgeClients.Create("emulated", Http, Env()));
        Assert.Contains("--emulator", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clients_describe_their_provider_and_model()
    {
        using var gemini = JudgeClients.Create("gemini:gemini-2.5-flash", Http, Env(("GOOGLE_API_KEY", "g")));
        var metadata = gemini.GetService<ChatClientMetadata>()!;
        Assert.Equal("gemini", metadata.ProviderName);
        Assert.Equal("gemini-2.5-flash", metadata.DefaultModelId);

        using var emulated = JudgeClients.Create("emulated", Http, new JudgeClientOptions { EmulatorBaseUrl = new Uri("http://127.0.0.1:5001/") });
        Assert.Equal("imagebench-emulated-judge", emulated.GetService<ChatClientMetadata>()!.DefaultModelId);
    }

    [Fact]
    public void A_bad_openai_base_url_is_an_input_error()
    {
        var e = Assert.Throws<InputException>(() => JudgeClients.Create("openai:gpt-4.1-mini", Http, Env(("OPENAI_API_KEY", "k"), ("OPENAI_BASE_URL", "not a url"))));
        Assert.Contains("OPENAI_BASE_URL", e.Message, StringComparison.Ordinal);
    }
}
