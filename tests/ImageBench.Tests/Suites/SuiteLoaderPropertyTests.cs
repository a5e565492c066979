using CsCheck;
using ImageBench.Configuration;
using ImageBench.Suites;

namespace ImageBench.Tests.Suites;

public class SuiteLoaderPropertyTests
{
    [Fact]
    public void Any_text_either_parses_or_fails_with_a_located_input_error()
    {
        Gen.String[Gen.Char["abc :-[]{}\"'\n#|>&*!%@`0123456789xyz"], 0, 120].Sample(text =>
        {
            try
            {
                SuiteLoader.Parse(text, "f.yaml");
            }
            catch (InputException ex)
            {
                Assert.StartsWith("f.yaml:", ex.Message, StringComparison.Ordinal);
            }
        }, iter: 3000);
    }

    [Fact]
    public void Prompt_texts_round_trip_through_yaml()
    {
        Gen.String[Gen.Char.AlphaNumeric, 1, 60].Select(Gen.String[Gen.Char[" abcXYZ0123456789\"'—:#,.-"], 1, 80].Where(t => t.Trim().Length > 0))
            .Sample((id, text) =>
            {
                var escaped = text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
                var suite = SuiteLoader.Parse($"prompts:\n  - id: p{id}\n    text: \"{escaped}\"\n", "f.yaml");
                Assert.Equal(text.Trim(), suite.Prompts[0].Text);
            }, iter: 500);
    }
}
