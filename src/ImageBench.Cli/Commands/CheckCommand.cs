using System.CommandLine;
using System.Text.Json.Nodes;
using ImageBench.Configuration;
using ImageBench.Scoring;
using ImageBench.Scoring.Text;

namespace ImageBench.Cli.Commands;

/// <summary>
/// <c>imagebench check IMAGE [--text S ...] [--pixel-art] [--json]</c>: every weight-free check on one image file.
/// Exit 0 when every expectation given holds, 1 when one does not, 2 on bad input — a gate for a pipeline.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var image = new Argument<string>("image") { Description = "PNG, JPEG or WebP file" };
        var text = new Option<string[]>("--text") { Description = "A string that must be rendered exactly; repeat for each" };
        var pixelArt = new Option<bool>("--pixel-art") { Description = "The image must be true pixel art" };
        var json = new Option<bool>("--json") { Description = "Print the verdicts as JSON" };
        var command = new Command("check", "Check one image: text rendered exactly (OCR), pixel art, sharpness, colourfulness, light") { image, text, pixelArt, json };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(image)!;
            if (!File.Exists(path)) throw new InputException($"{path}: file not found");
            var bytes = File.ReadAllBytes(path);
            if (ScoringImage.Load(bytes, out var error) is null) throw new InputException($"{path}: not a usable image ({error})");
            var expected = parse.GetValue(text) ?? [];
            var verdicts = new List<Verdict>();
            if (expected.Length > 0)
            {
                var result = TextCheck.Run(bytes, expected);
                if (result.Failure == TextCheckFailure.OcrUnavailable) throw new InputException(result.Error!);
                verdicts.Add(new Verdict("text", result.AllExact, result.Summary(), result.Analysis?.Details() ?? []));
            }
            foreach (var v in ImageChecks.Run(bytes, parse.GetValue(pixelArt))) verdicts.Add(v);
            var holds = verdicts.All(v => v.Passed != false);
            if (parse.GetValue(json))
            {
                var doc = new JsonObject
                {
                    ["image"] = path,
                    ["passed"] = holds,
                    ["checks"] = new JsonArray([.. verdicts.Select(v => (JsonNode)new JsonObject { ["check"] = v.Name, ["passed"] = v.Passed, ["summary"] = v.Summary, ["details"] = v.Details })]),
                };
                Console.WriteLine(doc.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            }
            else
            {
                foreach (var v in verdicts)
                    Console.WriteLine($"{(v.Passed switch { true => "PASS", false => "FAIL", null => "INFO" })} {v.Name}: {v.Summary.Replace("\n", "\n    ", StringComparison.Ordinal)}");
                Console.WriteLine(holds ? "every expectation holds" : "an expectation does not hold");
            }
            return holds ? 0 : 1;
        });
        return command;
    }
}

/// <param name="Passed">True/false for an expectation given on the command line; null for a measurement.</param>
internal sealed record Verdict(string Name, bool? Passed, string Summary, JsonObject Details);
