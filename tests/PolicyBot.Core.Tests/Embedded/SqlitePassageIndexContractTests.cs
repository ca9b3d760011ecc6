using PolicyBot.Core.Retrieval;
using PolicyBot.Core.Tests.Contracts;

namespace PolicyBot.Core.Tests.Embedded;

public sealed class SqlitePassageIndexContractTests : PassageIndexContractTests
{
    private readonly TempIndexFile _file = new();

    protected override Task<IPassageIndex> CreateIndexAsync() => Task.FromResult<IPassageIndex>(_file.CreateIndex());

    protected override Task<IPassageIndex?> ReopenIndexAsync() => Task.FromResult<IPassageIndex?>(_file.CreateIndex());

    protected override Task DeleteStoreAsync()
    {
        _file.Dispose();
        return Task.CompletedTask;
    }
}
