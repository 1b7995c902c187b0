namespace QuoinApi.Application.Common.Messaging;

// The only MediatR types the rest of Application touches are the interfaces of this folder; see docs/adr/0002-mediatr-5-pin.md.

/// <summary>Any command, whatever it returns: the transaction, idempotency and audit behaviors apply to these.</summary>
public interface ICommandBase;
