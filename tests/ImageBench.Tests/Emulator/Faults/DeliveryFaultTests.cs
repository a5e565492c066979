using System.Net;
using ImageBench.Emulator.Faults;
using static ImageBench.Tests.Emulator.EmulatorFixture;

namespace ImageBench.Tests.Emulator.Faults;

/// <summary>Faults on the delivery host: drawn per fetch of a URL (transient) or per URL (dead URLs).</summary>
public sealed class DeliveryFaultTests
{
    [Fact]
    public async Task An_expired_url_stays_expired()
    {
        await using var server = await FaultLab.StartAsync("flux-pro-1.1", FaultKind.ExpiredUrl, FaultSite.Delivery);
        using var http = Client();
        using var submit = await http.SendAsync(BflSubmit(server, "flux-pro-1.1", new { prompt = "p", width = 256, height = 256 }));
        var sample = (string)(await PollAsync(http, (string)(await JsonAsync(submit))["polling_url"]!))["result"]!["sample"]!;
        using var first = await http.GetAsync(sample);
        using var second = await http.GetAsync(sample);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (first.StatusCode, second.StatusCode));
        Assert.Contains("Signed expiry time has passed.", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, server.Stats.Faults("expired@delivery"));
    }

    [Fact]
    public async Task A_gone_url_is_a_404_blob_not_found()
    {
        await using var server = await FaultLab.StartAsync("ideogram-v3", FaultKind.GoneUrl, FaultSite.Delivery);
        using var http = Client();
        using var generated = await http.SendAsync(FaultLab.Ideogram(server));
        using var download = await http.GetAsync((string)(await JsonAsync(generated))["data"]![0]!["url"]!);

        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Contains("<Code>BlobNotFound</Code>", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delivered_file_that_is_not_an_image_keeps_its_image_content_type()
    {
        await using var server = await FaultLab.StartAsync("black-forest-labs/flux-1.1-pro", FaultKind.NotImage, FaultSite.Delivery, format: "webp");
        using var http = Client();
        using var created = await http.SendAsync(FaultLab.Replicate(server));
        using var poll = await http.SendAsync(FaultLab.Get((string)(await JsonAsync(created))["urls"]!["get"]!));
        using var download = await http.GetAsync((string)(await JsonAsync(poll))["output"]!);

        Assert.Equal("image/webp", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("unknown", FormatOf(await download.Content.ReadAsByteArrayAsync()));
        Assert.Equal(1, server.Stats.ForModel("black-forest-labs/flux-1.1-pro").Deliveries);
    }
}
