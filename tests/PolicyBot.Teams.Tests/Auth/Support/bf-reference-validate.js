// Validates Bot Framework channel tokens with the npm reference SDK, for ReferenceCrossCheckTests.
// Usage: NODE_PATH=<node_modules with botframework-connector@4.23.3> node bf-reference-validate.js <input.json>
// input.json: {"metadataUrl": "...", "appId": "...", "cases": [{"name", "authHeader" (or null), "activity"}]}
// Prints [{"name", "accepted", "error"}] on stdout.
'use strict';
const fs = require('node:fs');
const { JwtTokenValidation, ChannelValidation, SimpleCredentialProvider } = require('botframework-connector');

async function main() {
  const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  ChannelValidation.OpenIdMetadataEndpoint = input.metadataUrl;
  console.error = () => {}; // the SDK logs every rejection; keep stderr for real failures
  const credentials = new SimpleCredentialProvider(input.appId, 'unused-password');
  const results = [];
  for (const c of input.cases) {
    try {
      await JwtTokenValidation.authenticateRequest(c.activity, c.authHeader ?? '', credentials, '');
      results.push({ name: c.name, accepted: true, error: '' });
    } catch (err) {
      results.push({ name: c.name, accepted: false, error: String((err && err.message) || err) });
    }
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch((err) => {
  process.stderr.write(String((err && err.stack) || err));
  process.exit(1);
});
