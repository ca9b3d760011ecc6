using System.Diagnostics;
using System.Net;
using System.Text;
using PolicyBot.Discord.Models;
using PolicyBot.Tests;

namespace PolicyBot.Discord.Tests.Interactions;

/// <summary>Bodies signed by Node's own Ed25519 (node:crypto) with the RFC 8032 test seed, posted byte for byte.</summary>
public sealed class NodeSignedRequestTests
{
    // The fixed PKCS#8 header for a raw 32-byte Ed25519 seed, as in ../shared/fixtures/README.md.
    private const string Script = """
        const crypto = require('node:crypto');
        const fs = require('node:fs');
        const [seedHex, timestamp, bodyPath] = process.argv.slice(2);
        const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(seedHex, 'hex')]);
        const key = crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
        const message = Buffer.concat([Buffer.from(timestamp, 'utf8'), fs.readFileSync(bodyPath)]);
        process.stdout.write(crypto.sign(null, message, key).toString('hex'));
        """;

    [NodeFact]
    public async Task Post_PingFixtureSignedByNode_Returns200Pong()
    {
        var body = await File.ReadAllBytesAsync(RepositoryPaths.SharedFile("fixtures", "discord", "interactions", "ping.json"));
        await using var server = await InteractionServer.StartAsync();

        var signature = await SignWithNodeAsync(server.Now, body);
        using var response = await server.PostAsync(body, signature, server.Now);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
    }

    [NodeFact]
    public async Task Post_NonAsciiCommandSignedByNode_ReachesHandler()
    {
        var body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(TestPayloads.Command)
            .Replace("How long is the battery warranty?", "Garantie für Akkus — «ünïcödé» 🔋?", StringComparison.Ordinal));
        await using var server = await InteractionServer.StartAsync();
        server.Handler.Respond = (interaction, _) => Task.FromResult(
            new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource, new MessagePayload { Content = interaction.Data?.Option("question") }));

        var signature = await SignWithNodeAsync(server.Now, body);
        using var response = await server.PostAsync(body, signature, server.Now);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = DiscordJson.Deserialize<InteractionResponse>(await response.Content.ReadAsStringAsync());
        Assert.Equal("Garantie für Akkus — «ünïcödé» 🔋?", answer.Data?.Content);
    }

    [NodeFact]
    public async Task Post_NodeSignatureWithOneBodyByteChanged_Returns401()
    {
        var body = TestPayloads.Ping;
        await using var server = await InteractionServer.StartAsync();

        var signature = await SignWithNodeAsync(server.Now, body);
        body[^2] = (byte)'2';
        using var response = await server.PostAsync(body, signature, server.Now);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<string> SignWithNodeAsync(string timestamp, byte[] body)
    {
        using var temp = new TempDirectory();
        var script = temp.File("sign.js");
        var bodyPath = temp.File("body.bin");
        await File.WriteAllTextAsync(script, Script);
        await File.WriteAllBytesAsync(bodyPath, body);
        var seed = SignatureVectors.Load().PrivateSeedHex;

        var start = new ProcessStartInfo(NodeFactAttribute.NodePath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { script, seed, timestamp, bodyPath }) start.ArgumentList.Add(argument);
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var error = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(node.ExitCode == 0, "node failed: " + await error);
        var signature = (await output).Trim();
        Assert.Equal(128, signature.Length);
        return signature;
    }
}
