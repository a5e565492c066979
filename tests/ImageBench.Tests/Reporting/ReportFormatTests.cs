using ImageBench.Reporting;

namespace ImageBench.Tests.Reporting;

public class ReportFormatTests
{
    [Theory]
    [InlineData(58_600, "58.6 s")]
    [InlineData(6_400, "6.40 s")]
    [InlineData(9_994, "9.99 s")]
    [InlineData(9_996, "10.0 s")]
    [InlineData(999.4, "999 ms")]
    [InlineData(999.6, "1.00 s")]
    [InlineData(586, "586 ms")]
    public void Durations(double ms, string expected) => Assert.Equal(expected, ReportFormat.Duration(ms));

    [Theory]
    [InlineData("0.03", "$0.03")]
    [InlineData("0.0325", "$0.0325")]
    [InlineData("0.03256", "$0.0326")]
    [InlineData("30", "$30.00")]
    [InlineData("0.3", "$0.30")]
    [InlineData("0.00001234", "$1.23E-5")]
    public void Money(string usd, string expected) =>
        Assert.Equal(expected, ReportFormat.Usd(decimal.Parse(usd, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(512, "512 B")]
    [InlineData(87_500, "87.5 KB")]
    [InlineData(1_600_000, "1.6 MB")]
    public void Sizes(double bytes, string expected) => Assert.Equal(expected, ReportFormat.Bytes(bytes));
}
