using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Domain.ModulePlural;

namespace QuoinApi.Application.ModulePlural.ListModulePlural;

public sealed record ListModulePluralQuery(ListRequest List) : IQuery<ListResult<ModuleNameDto>>, IListQuery
{
    public ListModulePluralQuery()
        : this(ListRequest.Default)
    {
    }

    /// <summary>The sort whitelist; each field has an index (tenant, field, id) for keyset paging (ModuleNameConfiguration).</summary>
    public static readonly SortableFields<ModuleName> SortFields = new SortableFields<ModuleName>(row => row.Id, defaultSort: "-createdAt")
        .Add("name", row => row.Name)
        .Add("createdAt", row => row.CreatedAt);
}
