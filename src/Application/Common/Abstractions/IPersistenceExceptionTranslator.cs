using QuoinApi.Application.Common.Exceptions;

namespace QuoinApi.Application.Common.Abstractions;

/// <summary>Recognises the store's failures in an exception that escaped a request, whatever wraps them.</summary>
public interface IPersistenceExceptionTranslator
{
    /// <summary>The failure, or null when the exception is not one of the store's.</summary>
    PersistenceFailure? Translate(Exception exception);
}
