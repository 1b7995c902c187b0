using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
#if (IncludeEvents)
using System.Text;
#endif
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace QuoinApi.RawReference;

/// <summary>The HTTP side of the raw reference: bind, call the store once, write the v2 JSON.</summary>
internal sealed class RawProductEndpoints(RawProductStore store)
{
    /// <summary>Stands in for the API key: which tenant the request acts for.</summary>
    private const string TenantHeader = "X-Tenant-Id";

    public async Task<IResult> GetAsync(Guid id, [FromHeader(Name = TenantHeader)] Guid tenantId, HttpContext context)
    {
        var row = await store.GetAsync(id, tenantId, context.RequestAborted);
        if (row is not { } found)
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.ETag = ETag(found.Version);
        return TypedResults.Json(found.Product, RawJsonContext.Default.RawProduct);
    }

    public async Task<IResult> ListFirstPageAsync([FromHeader(Name = TenantHeader)] Guid tenantId, HttpContext context)
    {
        var (items, hasMore) = await store.FirstPageAsync(tenantId, context.RequestAborted);
        var token = hasMore ? PageToken(items[^1]) : null;
        return TypedResults.Json(new RawPage(items, token), RawJsonContext.Default.RawPage);
    }

#if (IncludeEvents)
    /// <summary>The reference for the API's POST: product, audit row and outbox row in one transaction.</summary>
#else
    /// <summary>The reference for the API's POST: product and audit row in one transaction.</summary>
#endif
    public async Task CreateDurableAsync(RawProductRequest request, [FromHeader(Name = TenantHeader)] Guid tenantId, HttpContext context)
    {
        if (ToProduct(request) is not { } product)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(product, RawJsonContext.Default.RawProduct);
        var summary = JsonSerializer.Serialize(new RawAuditSummary(product.Sku, product.Name, product.Price), RawJsonContext.Default.RawAuditSummary);
        uint version;
        try
        {
#if (IncludeEvents)
            version = await store.InsertDurableAsync(tenantId, product, Encoding.UTF8.GetString(body), summary, context.RequestAborted);
#else
            version = await store.InsertDurableAsync(tenantId, product, summary, context.RequestAborted);
#endif
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation)
        {
            context.Response.StatusCode = StatusCodes.Status409Conflict;
            return;
        }

        await WriteCreatedAsync(context, product.Id, version, body);
    }

    /// <summary>The product row alone, one autocommit insert: a floor below the durable write.</summary>
    public async Task CreateSingleInsertAsync(RawProductRequest request, [FromHeader(Name = TenantHeader)] Guid tenantId, HttpContext context)
    {
        if (ToProduct(request) is not { } product)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        uint version;
        try
        {
            version = await store.InsertSingleAsync(tenantId, product, context.RequestAborted);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation)
        {
            context.Response.StatusCode = StatusCodes.Status409Conflict;
            return;
        }

        await WriteCreatedAsync(context, product.Id, version, JsonSerializer.SerializeToUtf8Bytes(product, RawJsonContext.Default.RawProduct));
    }

    private static RawProduct? ToProduct(RawProductRequest request)
    {
        if (request is not { Sku: { } sku, Name: { } name, Price: { AmountMinor: { } amount, Currency: { Length: 3 } currency } })
        {
            return null;
        }

        var now = DateTimeOffset.UtcNow;
        return new RawProduct(Guid.CreateVersion7(now), sku, name, request.Description, new RawMoney(amount, currency), request.Tags ?? [], now, now, null);
    }

    private static async Task WriteCreatedAsync(HttpContext context, Guid id, uint version, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status201Created;
        response.Headers.Location = "/products/" + id.ToString();
        response.Headers.ETag = ETag(version);
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static string ETag(uint version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>The keys of the page's last row (id, created_at), base64url. Unsigned: the reference has no tokens to protect.</summary>
    private static string PageToken(RawProduct last)
    {
        Span<byte> keys = stackalloc byte[24];
        last.Id.TryWriteBytes(keys);
        BinaryPrimitives.WriteInt64BigEndian(keys[16..], last.CreatedAt.UtcTicks);
        return Base64Url.EncodeToString(keys);
    }
}
