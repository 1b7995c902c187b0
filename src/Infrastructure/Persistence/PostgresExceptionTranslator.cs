using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Exceptions;

namespace QuoinApi.Infrastructure.Persistence;

/// <summary>
/// PostgreSQL's SQL states and Npgsql's connection errors, translated once: the API's exception handler asks this
/// and never reads a driver exception itself.
/// </summary>
internal sealed class PostgresExceptionTranslator : IPersistenceExceptionTranslator
{
    public PersistenceFailure? Translate(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (Classify(current) is { } failure)
            {
                return failure;
            }
        }

        return null;
    }

    private static PersistenceFailure? Classify(Exception exception) => exception switch
    {
        UniqueConstraintException or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => PersistenceFailure.UniqueValueTaken,
        PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } => PersistenceFailure.ReferencedRowMissing,

        // 22021: text cannot hold U+0000 (or the bytes are not UTF-8). Validation refuses NUL first; this is the net.
        PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire } => PersistenceFailure.TextNotStorable,
        ConcurrencyConflictException or DbUpdateConcurrencyException => PersistenceFailure.ConcurrentChange,
        NpgsqlException { IsTransient: true } or TimeoutException => PersistenceFailure.StoreUnavailable,
        NpgsqlException { InnerException: SocketException } => PersistenceFailure.StoreUnavailable,
        _ => null,
    };
}
