using System.Diagnostics;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace QuoinApi.Api.Infrastructure.ServerErrors;

/// <summary>
/// Requests Kestrel rejects before any middleware runs (a malformed request line or target such as <c>%00</c>, a URL
/// over the request-line limit, headers over their limit, a header timeout) get Kestrel's status with an empty body
/// and no security headers, and Kestrel offers no hook to change that. This listens to Kestrel's
/// <c>Microsoft.AspNetCore.Server.Kestrel.BadRequest</c> diagnostic event, raised just before Kestrel writes such a
/// response, and arms the connection's <see cref="ServerErrorRewriter"/> to turn that response into a problem
/// (docs/adr/0020-problem-bodies-for-kestrel-rejections.md).
/// </summary>
internal sealed class KestrelRejections : IObserver<KeyValuePair<string, object?>>, IDisposable
{
    public const string BadRequestEvent = "Microsoft.AspNetCore.Server.Kestrel.BadRequest";
    private readonly IDisposable _subscription;

    public KestrelRejections(DiagnosticListener listener) =>
        _subscription = listener.Subscribe(this, name => string.Equals(name, BadRequestEvent, StringComparison.Ordinal));

    /// <summary>Connection middleware for every endpoint (<c>KestrelServerOptions.ConfigureEndpointDefaults</c>).</summary>
    public static void Use(ListenOptions listen) => listen.Use(next =>
    {
        // Resolving the listener here subscribes it before the first connection is accepted.
        _ = listen.ApplicationServices.GetRequiredService<KestrelRejections>();
        return async connection =>
        {
            var transport = connection.Transport;
            var rewriter = new ServerErrorRewriter(transport.Output);
            connection.Features.Set(rewriter);
            connection.Transport = new DuplexPipe(transport.Input, rewriter);
            try
            {
                await next(connection);
            }
            finally
            {
                connection.Transport = transport;
                connection.Features.Set<ServerErrorRewriter>(null);
            }
        };
    });

    public void OnNext(KeyValuePair<string, object?> value)
    {
        // The payload is the request's feature collection, which falls back to the connection's features.
        if (value.Value is not IFeatureCollection features || features[typeof(ServerErrorRewriter)] is not ServerErrorRewriter rewriter)
        {
            return;
        }

        var request = features.Get<IHttpRequestFeature>();
        var protocol = request?.Protocol ?? string.Empty;
        if (protocol.StartsWith("HTTP/2", StringComparison.Ordinal) || protocol.StartsWith("HTTP/3", StringComparison.Ordinal))
        {
            // HTTP/2 and HTTP/3 reject a stream with a reset, not with an HTTP/1.1 response to rewrite.
            return;
        }

        var status = features.Get<IBadRequestExceptionFeature>()?.Error is Microsoft.AspNetCore.Http.BadHttpRequestException rejection
            ? rejection.StatusCode
            : features.Get<IHttpResponseFeature>()?.StatusCode ?? StatusCodes.Status400BadRequest;
        rewriter.Arm(new ServerErrorProblem(status, request?.Path, HttpMethods.IsHead(request?.Method ?? string.Empty)));
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose() => _subscription.Dispose();

    private sealed record DuplexPipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;
}
