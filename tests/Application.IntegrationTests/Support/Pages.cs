using QuoinApi.Application.Common.Paging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.IntegrationTests.Support;

/// <summary>Walks a keyset list from its first page to its last by following NextPageToken, as a client does.</summary>
public static class Pages
{
    public static async Task<IReadOnlyList<ListResult<T>>> WalkAsync<T>(Func<string?, Task<Result<ListResult<T>>>> readPage, int maxPages = 200)
    {
        var pages = new List<ListResult<T>>();
        string? token = null;
        do
        {
            var page = ResultAssert.Succeeded(await readPage(token));
            pages.Add(page);
            Assert.That(pages, Has.Count.LessThanOrEqualTo(maxPages), "The page tokens never reach a last page.");
            token = page.NextPageToken;
        }
        while (token is not null);

        return pages;
    }

    /// <summary>Every page but the last is full, the last is not empty unless the whole list is, and only it lacks a token.</summary>
    public static void AssertWellFormed<T>(IReadOnlyList<ListResult<T>> pages, int pageSize, int total)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(pages, Has.Count.EqualTo(Math.Max(1, (total + pageSize - 1) / pageSize)));
            Assert.That(pages.SkipLast(1).Select(p => p.Items.Count), Has.All.EqualTo(pageSize));
            Assert.That(pages[^1].Items, Has.Count.EqualTo(total == 0 ? 0 : total - ((pages.Count - 1) * pageSize)));
            Assert.That(pages.SkipLast(1).Select(p => p.NextPageToken), Has.All.Not.Null);
            Assert.That(pages[^1].NextPageToken, Is.Null);
        }
    }
}
