using System.Buffers;
using System.IO.Pipelines;

namespace QuoinApi.Api.Infrastructure.ServerErrors;

/// <summary>
/// Wraps a connection's output. Normally it passes every call straight through. When Kestrel announces that it is
/// about to reject a request itself (<see cref="Arm"/>), the next response it writes is captured until its flush and,
/// if it is Kestrel's header-only error response for that status, replaced by <see cref="ServerErrorProblem"/>'s
/// problem response. Anything else that gets captured (TLS records, an HTTP/2 frame) is written out unchanged.
/// </summary>
internal sealed class ServerErrorRewriter(PipeWriter inner) : PipeWriter
{
    private ServerErrorProblem? _pending;
    private ServerErrorProblem? _capturing;
    private ArrayBufferWriter<byte>? _captured;
    private bool _leased;

    /// <summary>
    /// Called from Kestrel's request processing, possibly while another thread writes (HTTP/2, TLS): takes effect at
    /// the next buffer the writer asks for, never between a GetMemory and its Advance.
    /// </summary>
    public void Arm(ServerErrorProblem problem) => Volatile.Write(ref _pending, problem);

    public override Memory<byte> GetMemory(int sizeHint = 0)
    {
        StartCaptureIfArmed();
        _leased = true;
        return _captured is { } captured ? captured.GetMemory(sizeHint) : inner.GetMemory(sizeHint);
    }

    public override Span<byte> GetSpan(int sizeHint = 0)
    {
        StartCaptureIfArmed();
        _leased = true;
        return _captured is { } captured ? captured.GetSpan(sizeHint) : inner.GetSpan(sizeHint);
    }

    public override void Advance(int bytes)
    {
        _leased = false;
        if (_captured is { } captured)
        {
            captured.Advance(bytes);
        }
        else
        {
            inner.Advance(bytes);
        }
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        Release();
        return inner.FlushAsync(cancellationToken);
    }

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null)
    {
        Release();
        inner.Complete(exception);
    }

    public override ValueTask CompleteAsync(Exception? exception = null)
    {
        Release();
        return inner.CompleteAsync(exception);
    }

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes + (_captured?.WrittenCount ?? 0);

    private void StartCaptureIfArmed()
    {
        if (_captured is null && !_leased && Volatile.Read(ref _pending) is { } problem)
        {
            Volatile.Write(ref _pending, null);
            _capturing = problem;
            _captured = new ArrayBufferWriter<byte>(256);
        }
    }

    private void Release()
    {
        if (_captured is not { } captured)
        {
            return;
        }

        var problem = _capturing!;
        _captured = null;
        _capturing = null;
        inner.Write(problem.TryRewrite(captured.WrittenSpan) ?? captured.WrittenSpan);
    }
}
