using System.Net;

namespace ImageBench.Tests.Support;

/// <summary>A body that announces more bytes than it delivers and then fails like a dropped connection.</summary>
public sealed class TruncatedContent : HttpContent
{
    private readonly byte[] _prefix;
    private readonly long _declared;

    public TruncatedContent(byte[] prefix, long declaredLength)
    {
        _prefix = prefix;
        _declared = declaredLength;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        Headers.ContentLength = declaredLength;
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new FailingStream(_prefix));

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        throw new IOException("The response ended prematurely.");

    protected override bool TryComputeLength(out long length)
    {
        length = _declared;
        return true;
    }

    private sealed class FailingStream(byte[] prefix) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= prefix.Length) throw new IOException("The response ended prematurely, with at least 1 additional bytes expected.");
            var n = Math.Min(count, prefix.Length - _position);
            Array.Copy(prefix, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
