using QuoinApi.Application.Common.Abstractions;

namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>
/// Records the command transactions the unit-of-work behavior opens: "begin", "commit", "dispose" go to
/// <see cref="Journal"/>, which other fakes (and the test's handler) can share to check the order of calls.
/// </summary>
public sealed class FakeTransactionManager(List<string>? journal = null) : ITransactionManager
{
    private readonly List<FakeCommandTransaction> _transactions = [];

    public List<string> Journal { get; } = journal ?? [];

    public IReadOnlyList<FakeCommandTransaction> Transactions => _transactions;

    /// <summary>What the next transactions' commits throw (a unique index, a lost connection), if anything.</summary>
    public Exception? CommitFailure { get; set; }

    public Task<ICommandTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        Journal.Add("begin");
        var transaction = new FakeCommandTransaction(Journal, CommitFailure);
        _transactions.Add(transaction);
        return Task.FromResult<ICommandTransaction>(transaction);
    }
}
