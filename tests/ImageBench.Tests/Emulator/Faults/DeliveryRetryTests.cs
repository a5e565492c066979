using System.Net;
using ImageBench.Emulator;
using ImageBench.Emulator.Faults;
using static ImageBench.Tests.Emulator.EmulatorFixture;

namespace ImageBench.Tests.Emulator.Faults;

public sealed class DeliveryRetryTests
{
    [Fact]
    public async Task A_faulty_delivery_url_answers_the_retry()
    {
        await using var server = await StartAsync(o => o.WithProfile("flux-pro-1.1", new ModelProfile { ImageFormat = "webp", Failures = new FailureInjection { Faults = [new FaultRate(FaultKind.TruncatedBody, FaultSite.Delivery, 1)] } }));
        using var http = Client();
        using var submit = await http.SendAsync(BflSubmit(server, "flux-pro-1.1", new { prompt = "a \"HELLO\" sign" }));
        var ready = await PollAsync(http, (string)(await JsonAsync(submit))["polling_url"]!);
        var sample = (string)ready["result"]!["sample"]!;

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetByteArrayAsync(sample));
        var retried = await http.GetByteArrayAsync(sample);

        Assert.Equal("webp", FormatOf(retried));
    }
}
