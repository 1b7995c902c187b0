using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Domain.ApiKeys;

namespace QuoinApi.Application.ApiKeys.ListApiKeys;

public sealed record ListApiKeysQuery(ListRequest List) : IQuery<ListResult<ApiKeyDto>>, IListQuery
{
    public ListApiKeysQuery()
        : this(ListRequest.Default)
    {
    }

    public static readonly SortableFields<ApiKey> SortFields = new SortableFields<ApiKey>(k => k.Id, defaultSort: "-createdAt")
        .Add("name", k => k.Name)
        .Add("createdAt", k => k.CreatedAt);
}
