namespace ImageBench.Tests.Emulator.Scenes;

/// <summary>The article's six prompts, verbatim (shared/reference/000_e3ab75ed24fc9ba0.txt, suites/seed-six.yaml).</summary>
internal static class ArticlePrompts
{
    public const string Dewdrop = "Extreme macro of a single dewdrop hanging from a green fern frond at dawn, rainbow refraction inside, soft golden backlight, professional nature photography.";
    public const string Poster = "Minimalist coffee shop poster — large bold serif \"MORNING BREW\", subtitle \"OPEN FROM 7 AM EVERY DAY\", watercolor coffee cup on the lower right, editorial layout.";
    public const string Bakery = "Overhead flat-lay on dark walnut wood — scattered flour, three croissants on parchment, copper bowl with whisk, vintage rolling pin, sprig of rosemary, one brown egg in a linen napkin, soft window light from upper-right.";
    public const string Blacksmith = "Studio portrait of a 60-year-old female blacksmith, soot streaks on cheek, leather apron, holding a hammer. Single soft key light from camera-left producing a Rembrandt triangle on the right cheek. Deep black background.";
    public const string Hands = "Two adult hands threading a single silver needle with red thread. All ten fingers in natural positions, visible age lines.";
    public const string Cottage = "Isometric pixel-art cottage with smoking chimney, four autumn maple trees, knee-high fog, dawn sky, a wooden bench beside the door. 32-bit retro game aesthetic.";
}
