using FluentValidation;

namespace QuoinApi.Application.Products.DeleteProduct;

public sealed class DeleteProductValidator : AbstractValidator<DeleteProductCommand>
{
    public DeleteProductValidator() => RuleFor(c => c.Id).NotEmpty();
}
