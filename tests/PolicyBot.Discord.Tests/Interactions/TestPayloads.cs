using System.Text;

namespace PolicyBot.Discord.Tests.Interactions;

/// <summary>Request bodies that do not need ../shared (minified from the Discord docs examples in the fixtures).</summary>
public static class TestPayloads
{
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(10);

    public static byte[] Ping => Encoding.UTF8.GetBytes(
        """{"id":"1100000000000000000","application_id":"775799577604522054","type":1,"token":"A_UNIQUE_TOKEN","version":1}""");

    public static byte[] Command => Encoding.UTF8.GetBytes(
        """{"id":"786008729715212338","application_id":"775799577604522054","type":2,"token":"COMMAND_TOKEN","version":1,"guild_id":"290926798626357999","channel_id":"645027906669510667","member":{"user":{"id":"53908232506183680","username":"Mason"},"permissions":"2147483647"},"data":{"id":"771825006014889984","name":"ask","type":1,"options":[{"type":3,"name":"question","value":"How long is the battery warranty?"}]}}""");

    public static byte[] Component => Encoding.UTF8.GetBytes(
        """{"id":"786008729715212339","application_id":"775799577604522054","type":3,"token":"COMPONENT_TOKEN","version":1,"channel_id":"645027906669510667","user":{"id":"53908232506183680","username":"Mason"},"data":{"custom_id":"sources","component_type":2}}""");

    public static byte[] Autocomplete => Encoding.UTF8.GetBytes(
        """{"id":"786008729715212340","application_id":"775799577604522054","type":4,"token":"AUTOCOMPLETE_TOKEN","version":1,"data":{"name":"ask","type":1,"options":[{"type":3,"name":"question","value":"batt","focused":true}]}}""");
}
