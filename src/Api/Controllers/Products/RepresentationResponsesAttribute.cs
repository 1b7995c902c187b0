using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using QuoinApi.Application.Common.Paging;

namespace QuoinApi.Api.Controllers.Products;

/// <summary>
/// Declares each product action's success body in the version's representation (attributes cannot name a type
/// parameter): 201 or 200 with the product, 200 with a page of them for the list.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class RepresentationResponsesAttribute : Attribute, IControllerModelConvention
{
    public void Apply(ControllerModel controller)
    {
        var representation = controller.ControllerType.BaseType!.GetGenericArguments()[1];
        foreach (var action in controller.Actions)
        {
            var (type, status) = action.ActionName switch
            {
                nameof(ProductsControllerBase<object, object>.Create) => (representation, StatusCodes.Status201Created),
                nameof(ProductsControllerBase<object, object>.List) => (typeof(ListResult<>).MakeGenericType(representation), StatusCodes.Status200OK),
                nameof(ProductsControllerBase<object, object>.Delete) => (null, StatusCodes.Status204NoContent),
                _ => (representation, StatusCodes.Status200OK),
            };
            if (type is not null)
            {
                action.Filters.Add(new ProducesResponseTypeAttribute(type, status));
            }
        }
    }
}
