using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ImageBench.Bench;

/// <summary>The baseline: the same POSTs with a plain HttpClient — send, read the whole body, nothing else.</summary>
internal static class BareLoop
{
    public static async Task<List<double>> RunAsync(Uri baseUrl, string model, string prompt, int size, int calls, int concurrency)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { Timeout = TimeSpan.FromMinutes(5) };
        var overheads = new List<double>(calls);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < calls)
            {
                var body = new JsonObject { ["model"] = model, ["prompt"] = prompt, ["n"] = 1, ["size"] = $"{size}x{size}" };
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "v1/images/generations")) { Content = JsonContent.Create(body) };
                request.Headers.Authorization = new("Bearer", "bench-key");
                var start = TimeProvider.System.GetTimestamp();
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                var body2 = await response.Content.ReadAsByteArrayAsync();
                GC.KeepAlive(body2);
                var elapsed = TimeProvider.System.GetElapsedTime(start).TotalMilliseconds;
                var server = double.Parse(response.Headers.GetValues("openai-processing-ms").First(), System.Globalization.CultureInfo.InvariantCulture);
                lock (overheads) overheads.Add(elapsed - server);
            }
        }));
        return overheads;
    }

    public static double Quantile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        return lo + 1 < sorted.Length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
    }
}
