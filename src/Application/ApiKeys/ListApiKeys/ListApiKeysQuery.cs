using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.Common.Models;

namespace QuoinApi.Application.ApiKeys.ListApiKeys;

public sealed record ListApiKeysQuery(int PageSize = Paging.DefaultPageSize) : IQuery<ListResult<ApiKeyDto>>;
