using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using NetArchTest.Rules;
using QuoinApi.Api.Controllers;
using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Architecture.Tests;

/// <summary>One use case, one folder: command or query, its handler and its validator, named for what they are.</summary>
public sealed class ConventionTests
{
    private static readonly Assembly Application = typeof(Application.DependencyInjection).Assembly;
    private static readonly Assembly Api = typeof(ApiControllerBase).Assembly;

    private static IEnumerable<Type> Commands => Application.GetTypes().Where(t => Implements(t, typeof(ICommand<>)));

    private static IEnumerable<Type> Queries => Application.GetTypes().Where(t => Implements(t, typeof(IQuery<>)));

    private static IEnumerable<Type> Handlers =>
        Application.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false } && Implements(t, typeof(IRequestHandler<,>)));

    [Test]
    public void Every_command_has_a_validator_in_its_folder()
    {
        var validated = Application.GetTypes()
            .Where(t => t is { IsAbstract: false } && typeof(IValidator).IsAssignableFrom(t))
            .Select(t => (Validator: t, Target: ValidatedType(t)))
            .Where(v => v.Target is not null)
            .ToArray();

        var missing = Commands
            .Where(command => !validated.Any(v => v.Target == command && v.Validator.Namespace == command.Namespace))
            .Select(c => c.FullName)
            .ToArray();

        Assert.That(Commands, Is.Not.Empty);
        Assert.That(missing, Is.Empty, "Commands without a validator in the same folder.");
    }

    [Test]
    public void Every_request_has_exactly_one_handler_in_its_folder()
    {
        var problems = Commands.Concat(Queries)
            .Select(request => (request, handlers: Handlers.Where(h => HandledRequest(h) == request).ToArray()))
            .Where(x => x.handlers.Length != 1 || x.handlers[0].Namespace != x.request.Namespace)
            .Select(x => x.request.FullName)
            .ToArray();

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void Requests_are_named_command_or_query_and_are_records()
    {
        var badCommands = Commands.Where(t => !t.Name.EndsWith("Command", StringComparison.Ordinal) || !IsRecord(t)).Select(t => t.Name);
        var badQueries = Queries.Where(t => !t.Name.EndsWith("Query", StringComparison.Ordinal) || !IsRecord(t)).Select(t => t.Name);

        Assert.That(badCommands.Concat(badQueries), Is.Empty);
    }

    [Test]
    public void Handlers_are_sealed_and_named_after_their_request()
    {
        var bad = Handlers
            .Where(h => !h.IsSealed || h.Name != HandledRequest(h)!.Name.Replace("Command", "", StringComparison.Ordinal).Replace("Query", "", StringComparison.Ordinal) + "Handler")
            .Select(h => h.Name)
            .ToArray();

        Assert.That(Handlers, Is.Not.Empty);
        Assert.That(bad, Is.Empty);
    }

    [Test]
    public void Validators_are_named_after_their_request()
    {
        var result = Types.InAssembly(Application)
            .That().Inherit(typeof(AbstractValidator<>)).And().AreNotAbstract()
            .Should().HaveNameEndingWith("Validator").And().BeSealed()
            .GetResult();

        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }

    [Test]
    public void Controllers_derive_from_the_base_controller_and_are_named_controller()
    {
        var result = Types.InAssembly(Api)
            .That().Inherit(typeof(ControllerBase)).And().AreNotAbstract()
            .Should().Inherit(typeof(ApiControllerBase)).And().HaveNameEndingWith("Controller").And().BeSealed()
            .GetResult();

        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }

    [Test]
    public void Controllers_do_not_touch_persistence()
    {
        var result = Types.InAssembly(Api)
            .That().Inherit(typeof(ControllerBase))
            .ShouldNot().HaveDependencyOnAny("QuoinApi.Infrastructure", "Microsoft.EntityFrameworkCore", "Npgsql")
            .GetResult();

        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }

    private static bool Implements(Type type, Type openGeneric) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == openGeneric);

    private static Type? HandledRequest(Type handler) =>
        handler.GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)).GetGenericArguments()[0];

    private static Type? ValidatedType(Type validator)
    {
        for (var type = validator; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
            {
                return type.GetGenericArguments()[0];
            }
        }

        return null;
    }

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null || type.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null;
}
