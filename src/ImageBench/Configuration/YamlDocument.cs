using ImageBench.Suites;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ImageBench.Configuration;

/// <summary>
/// Loads a YAML file into YamlDotNet's node model, which keeps every node's line and column, so validation
/// errors can point at file:line:column instead of only saying what is wrong.
/// </summary>
internal static class YamlDocument
{
    public static YamlMappingNode LoadRoot(string text, string file)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            var loc = new SourceLocation(file, (int)ex.Start.Line, (int)ex.Start.Column);
            throw new InputException(loc, "YAML syntax error: " + FirstLine(ex.InnerException?.Message ?? ex.Message));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // YamlDotNet throws other exception types, without a position, for some malformed input (stray document
            // markers, bad "!!" tags); any of them is still the user's file being unreadable, not our crash.
            throw new InputException(new SourceLocation(file, 1, 1), "YAML could not be read: " + FirstLine(ex.Message));
        }
        if (stream.Documents.Count == 0)
            throw new InputException(new SourceLocation(file, 1, 1), "the file is empty");
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new InputException(YamlFields.Loc(stream.Documents[0].RootNode, file), "expected a mapping at the top of the file");
        return root;
    }

    private static string FirstLine(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: ...) - (...): "; the location is already ours.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        var text = cut >= 0 ? message[(cut + 3)..] : message;
        return text.Split('\n')[0].Trim();
    }
}
