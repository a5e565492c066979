using System.Text;

namespace ImageBench.Emulator.Faults;

/// <summary>The non-protocol bodies real traffic meets: load balancer and CDN pages, an envoy's error text.</summary>
internal static class FaultPages
{
    public static readonly byte[] EnvoyText = Encoding.UTF8.GetBytes(
        "upstream connect error or disconnect/reset before headers. reset reason: connection termination");

    public static byte[] Gateway(int status, string title) => Encoding.UTF8.GetBytes(
        $"<html>\r\n<head><title>{status} {title}</title></head>\r\n<body>\r\n<center><h1>{status} {title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");

    /// <summary>What a CDN's bot check or a captive portal answers with 200.</summary>
    public static readonly byte[] Challenge = Encoding.UTF8.GetBytes(
        "<!DOCTYPE html><html lang=\"en-US\"><head><title>Just a moment...</title><meta http-equiv=\"refresh\" content=\"390\"></head>"
        + "<body><div class=\"main-wrapper\"><h1>Checking if the site connection is secure</h1><p>Enable JavaScript and cookies to continue</p></div></body></html>");

    /// <summary>Bytes that are no image format: text, as a misconfigured bucket or proxy serves instead of the file.</summary>
    public static readonly byte[] NotAnImage = Encoding.UTF8.GetBytes(
        string.Concat(Enumerable.Repeat("This object is not an image. ", 64)));
}
