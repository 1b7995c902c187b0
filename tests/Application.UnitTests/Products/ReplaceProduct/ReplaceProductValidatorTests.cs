using QuoinApi.Application.Products;
using QuoinApi.Application.Products.ReplaceProduct;

namespace QuoinApi.Application.UnitTests.Products.ReplaceProduct;

public sealed class ReplaceProductValidatorTests : ProductFieldsValidatorTests<ReplaceProductCommand>
{
    protected override ProductFieldsValidator<ReplaceProductCommand> CreateValidator() => new ReplaceProductValidator();

    protected override ReplaceProductCommand ToCommand(ProductFieldValues fields) =>
        new(Guid.CreateVersion7(), fields.Sku, fields.Name, fields.Description, fields.Price, fields.Currency, fields.Tags);
}
