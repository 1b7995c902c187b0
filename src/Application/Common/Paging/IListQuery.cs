namespace QuoinApi.Application.Common.Paging;

/// <summary>The list queries' shared shape, so one validator rule and one pager serve them all.</summary>
public interface IListQuery
{
    ListRequest List { get; }
}
