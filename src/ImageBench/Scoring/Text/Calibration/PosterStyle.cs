namespace ImageBench.Scoring.Text.Calibration;

/// <summary>The poster looks the calibration covers: the article's case must be caught on each.</summary>
public enum PosterStyle
{
    /// <summary>Dark serif/sans type on a light textured background.</summary>
    DarkOnLight,
    /// <summary>Cream type on a dark background: Tesseract reads it only through inversion.</summary>
    LightOnDark,
    /// <summary>Bold italic serif in brown on beige: a stylised display face.</summary>
    ItalicSerif,
}
