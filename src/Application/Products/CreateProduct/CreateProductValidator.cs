namespace QuoinApi.Application.Products.CreateProduct;

public sealed class CreateProductValidator : ProductFieldsValidator<CreateProductCommand>;
