namespace ImageBench.Scoring.Ocr.Paddle;

/// <summary>
/// The recogniser's classes: index 0 is the CTC blank, 1..N the lines of ppocr_keys_v1.txt, and a space appended
/// last (PaddleOCR's use_space_char) — 6,625 classes for PP-OCRv4's Chinese/English model.
/// </summary>
public sealed class PaddleDictionary
{
    private readonly string[] _symbols;

    public PaddleDictionary(IEnumerable<string> keys)
    {
        _symbols = ["", .. keys, " "];
    }

    public int ClassCount => _symbols.Length;

    /// <summary>The text of class <paramref name="index"/>; empty for the blank or an index past the dictionary.</summary>
    public string this[int index] => index > 0 && index < _symbols.Length ? _symbols[index] : "";

    public static PaddleDictionary Load(string path) =>
        new(File.ReadAllLines(path).Select(l => l.TrimEnd('\r', '\n')));
}
