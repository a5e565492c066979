namespace ImageBench.Scoring.Ocr.Paddle;

/// <summary>
/// PP-OCR reads whole lines; the text scorer's word-run candidates and placement checks need words. A line is
/// split at its space characters, and each word's box is the part of the line's crop between the spaces around it
/// (CTC steps say where each character was read), mapped back to original pixels.
/// </summary>
public static class LineWords
{
    public static OcrLine? Split(RecognizedLine line, int imageWidth, int imageHeight)
    {
        var words = new List<OcrWord>();
        var current = new List<DecodedChar>();
        double start = 0;
        foreach (var c in line.Chars)
        {
            if (string.IsNullOrWhiteSpace(c.Text))
            {
                double boundary = Math.Min(line.ContentWidth, (c.Step + 0.5) * line.ColumnsPerStep);
                Flush(boundary);
                start = boundary;
                continue;
            }
            current.Add(c);
        }
        Flush(line.ContentWidth);
        return words.Count == 0 ? null : new OcrLine(words);

        void Flush(double end)
        {
            if (current.Count == 0) return;
            var text = string.Concat(current.Select(c => c.Text));
            double confidence = 100 * current.Average(c => c.Probability);
            words.Add(new OcrWord(text, confidence, Box(line, start, Math.Max(start, end), imageWidth, imageHeight)));
            current.Clear();
        }
    }

    private static OcrBox Box(RecognizedLine line, double x0, double x1, int width, int height)
    {
        PointD[] corners = [line.At(x0, 0), line.At(x1, 0), line.At(x1, line.Height), line.At(x0, line.Height)];
        int left = Math.Clamp((int)Math.Floor(corners.Min(p => p.X)), 0, width), top = Math.Clamp((int)Math.Floor(corners.Min(p => p.Y)), 0, height);
        int right = Math.Clamp((int)Math.Ceiling(corners.Max(p => p.X)), left, width), bottom = Math.Clamp((int)Math.Ceiling(corners.Max(p => p.Y)), top, height);
        return new OcrBox(left, top, right, bottom);
    }
}
