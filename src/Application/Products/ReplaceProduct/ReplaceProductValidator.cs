namespace QuoinApi.Application.Products.ReplaceProduct;

public sealed class ReplaceProductValidator : ProductFieldsValidator<ReplaceProductCommand>;
