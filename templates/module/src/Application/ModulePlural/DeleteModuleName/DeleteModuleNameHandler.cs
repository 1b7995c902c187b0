using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.ModulePlural.DeleteModuleName;

/// <summary>Soft delete: the row stays (auditable) and disappears from reads and lists.</summary>
public sealed class DeleteModuleNameHandler(IModuleNameRepository modulePlural, TimeProvider clock)
    : ICommandHandler<DeleteModuleNameCommand, Success>
{
    public async Task<Result<Success>> Handle(DeleteModuleNameCommand request, CancellationToken cancellationToken)
    {
        var loaded = await modulePlural.LoadForChangeAsync(request, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        loaded.Value.Delete(clock.GetUtcNow());
        return Success.Value;
    }
}
