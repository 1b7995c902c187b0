using QuoinApi.Application.Common.Concurrency;

namespace QuoinApi.Application.UnitTests.Common.Concurrency;

public sealed class IfMatchTests
{
    [TestCase(0u)]
    [TestCase(7u)]
    [TestCase(uint.MaxValue)]
    public void Absent_header_matches_every_version(uint version) => Assert.That(IfMatch.None.Matches(version), Is.True);

    [TestCase(0u)]
    [TestCase(7u)]
    [TestCase(uint.MaxValue)]
    public void Wildcard_matches_every_version(uint version) => Assert.That(IfMatch.Wildcard.Matches(version), Is.True);

    [Test]
    public void Listed_versions_match_only_themselves()
    {
        var ifMatch = IfMatch.For(3, 7);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ifMatch.Matches(3), Is.True);
            Assert.That(ifMatch.Matches(7), Is.True);
            Assert.That(ifMatch.Matches(4), Is.False);
            Assert.That(ifMatch.Matches(0), Is.False);
        }
    }

    [Test]
    public void Present_header_without_a_readable_tag_matches_nothing() =>
        Assert.That(new IfMatch(IsPresent: true, Any: false, Versions: []).Matches(0), Is.False);
}
