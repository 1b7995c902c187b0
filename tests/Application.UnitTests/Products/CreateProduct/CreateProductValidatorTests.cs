using QuoinApi.Application.Products;
using QuoinApi.Application.Products.CreateProduct;

namespace QuoinApi.Application.UnitTests.Products.CreateProduct;

public sealed class CreateProductValidatorTests : ProductFieldsValidatorTests<CreateProductCommand>
{
    protected override ProductFieldsValidator<CreateProductCommand> CreateValidator() => new CreateProductValidator();

    protected override CreateProductCommand ToCommand(ProductFieldValues fields) =>
        new(fields.Sku, fields.Name, fields.Description, fields.Price, fields.Currency, fields.Tags);
}
