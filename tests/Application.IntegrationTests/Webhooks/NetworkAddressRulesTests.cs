using System.Net;
using QuoinApi.Infrastructure.Webhooks;

namespace QuoinApi.Application.IntegrationTests.Webhooks;

/// <summary>The address rules of the private-network guard (Infrastructure/Webhooks/NetworkAddressRules).</summary>
public sealed class NetworkAddressRulesTests
{
    [TestCase("127.0.0.1")]
    [TestCase("127.255.255.254")]
    [TestCase("10.0.0.1")]
    [TestCase("172.16.0.1")]
    [TestCase("172.31.255.255")]
    [TestCase("192.168.1.1")]
    [TestCase("169.254.169.254")]
    [TestCase("100.64.0.1")]
    [TestCase("0.0.0.0")]
    [TestCase("224.0.0.1")]
    [TestCase("255.255.255.255")]
    [TestCase("192.0.2.1")]
    [TestCase("::1")]
    [TestCase("::")]
    [TestCase("fe80::1")]
    [TestCase("fd12:3456::1")]
    [TestCase("ff02::1")]
    [TestCase("::ffff:10.0.0.1")]
    [TestCase("64:ff9b::7f00:1")]
    [TestCase("2002:7f00:1::")]
    [TestCase("2001:db8::1")]
    public void Special_purpose_addresses_are_not_public(string address) =>
        Assert.That(NetworkAddressRules.IsPublic(IPAddress.Parse(address)), Is.False);

    [TestCase("1.1.1.1")]
    [TestCase("8.8.8.8")]
    [TestCase("172.32.0.1")]
    [TestCase("2606:4700:4700::1111")]
    [TestCase("::ffff:1.1.1.1")]
    [TestCase("64:ff9b::808:808")]
    public void Public_addresses_are_public(string address) =>
        Assert.That(NetworkAddressRules.IsPublic(IPAddress.Parse(address)), Is.True);
}
