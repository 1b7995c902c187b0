using FluentValidation;

namespace QuoinApi.Application.Products.RestoreProduct;

public sealed class RestoreProductValidator : AbstractValidator<RestoreProductCommand>
{
    public RestoreProductValidator() => RuleFor(c => c.Id).NotEmpty();
}
