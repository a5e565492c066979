using System.Text;

namespace ImageBench.Reporting.Charts;

/// <summary>A horizontal axis mapping values to x, linear or base-10 logarithmic, with a few round ticks.</summary>
internal sealed class ValueAxis
{
    private readonly double _low, _high, _x0, _x1;
    private readonly bool _log;

    public ValueAxis(double min, double max, bool log, double x0, double x1)
    {
        _log = log;
        (_x0, _x1) = (x0, x1);
        if (log)
        {
            _low = Math.Pow(10, Math.Floor(Math.Log10(min)));
            _high = Math.Pow(10, Math.Ceiling(Math.Log10(max)));
            if (_high <= _low) _high = _low * 10;
        }
        else
        {
            double step = NiceStep(max <= 0 ? 1 : max / 5);
            _low = 0;
            _high = Math.Max(step, Math.Ceiling(max / step) * step);
        }
    }

    public double X(double value)
    {
        double t = _log ? (Math.Log10(Math.Max(value, _low)) - Math.Log10(_low)) / (Math.Log10(_high) - Math.Log10(_low)) : (value - _low) / (_high - _low);
        return _x0 + t * (_x1 - _x0);
    }

    public IEnumerable<double> Ticks()
    {
        if (_log)
            for (double v = _low; v <= _high * 1.0001; v *= 10) yield return v;
        else
        {
            double step = NiceStep(_high / 5);
            for (double v = _low; v <= _high * 1.0001; v += step) yield return v;
        }
    }

    public void Draw(StringBuilder svg, double y, Func<double, string> format)
    {
        SvgText.Line(svg, _x0, y, _x1, y, "#374151");
        foreach (var tick in Ticks())
        {
            SvgText.Line(svg, X(tick), y, X(tick), y + 5, "#374151");
            SvgText.Label(svg, X(tick), y + 18, format(tick), "middle");
        }
    }

    private static double NiceStep(double raw)
    {
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double f = raw / magnitude;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude;
    }
}
