using PolicyBot.Teams.Connector;

namespace PolicyBot.Teams.Tests.Connector;

public sealed class ConnectorUrlsTests
{
    [Theory]
    [InlineData("19:6848757105754c8981c67612732d9aa7@thread.tacv2;messageid=1759881511856", "19%3A6848757105754c8981c67612732d9aa7%40thread.tacv2%3Bmessageid%3D1759881511856")]
    [InlineData("a:1AbC-_.~", "a%3A1AbC-_.~")]
    [InlineData("x!'()*y z/?#&+", "x!'()*y%20z%2F%3F%23%26%2B")] // JavaScript encodeURIComponent, like the reference client
    [InlineData("f:dd6ec311", "f%3Add6ec311")]
    public void EncodeSegment_TeamsIds_EncodesLikeEncodeUriComponent(string id, string expected) =>
        Assert.Equal(expected, ConnectorUrls.EncodeSegment(id));

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/50612dbb/")]
    [InlineData("https://smba.trafficmanager.net/amer/50612dbb")]
    public void Activity_ServiceUrlWithOrWithoutSlash_KeepsItsPathAndTheEncoding(string serviceUrl)
    {
        var uri = ConnectorUrls.Activity(serviceUrl, "19:a@thread.tacv2;messageid=1", "1:reply");

        Assert.Equal("/amer/50612dbb/v3/conversations/19%3Aa%40thread.tacv2%3Bmessageid%3D1/activities/1%3Areply", uri.PathAndQuery);
        Assert.Equal("https://smba.trafficmanager.net/amer/50612dbb/v3/conversations/19%3Aa%40thread.tacv2%3Bmessageid%3D1/activities/1%3Areply", uri.AbsoluteUri);
    }

    [Theory]
    [InlineData("smba.trafficmanager.net/amer/")]
    [InlineData("ftp://smba.trafficmanager.net/")]
    [InlineData("https://smba.trafficmanager.net/amer/?x=1")]
    [InlineData(" ")]
    public void Conversations_InvalidServiceUrl_Throws(string serviceUrl) =>
        Assert.ThrowsAny<ArgumentException>(() => ConnectorUrls.Conversations(serviceUrl));
}
