using NUnit.Framework;
using QuoinApi.Domain.Common;

namespace QuoinApi.Testing;

/// <summary>
/// Assertions on <see cref="Result{T}"/> for every test project: a success returns its value (printing the error when
/// there is one), a failure is checked for its kind and code and returns the error for further checks.
/// </summary>
public static class ResultAssert
{
    public static T Succeeded<T>(Result<T> result)
    {
        Assert.That(result.IsSuccess, Is.True, () => $"Expected success, got {result.Error}");
        return result.Value;
    }

    public static Error Failed<T>(Result<T> result, ErrorKind kind, string code)
    {
        Assert.That(result.IsSuccess, Is.False, "Expected a failure, got success.");
        var error = result.Error!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Kind, Is.EqualTo(kind));
            Assert.That(error.Code, Is.EqualTo(code));
        }

        return error;
    }
}
