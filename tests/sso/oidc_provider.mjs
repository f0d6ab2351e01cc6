// A real OpenID Connect provider for the single sign-on tests: the npm package oidc-provider,
// on 127.0.0.1 at a free port, with a few accounts and a plain sign-in page of its own.
//
//   node tests/sso/oidc_provider.mjs '{"accounts": [{"sub": "...", "email": "...", "name": "...",
//                                      "password": "...", "amr": ["pwd", "otp"]}]}'
//
// Prints one JSON line, {"issuer": "http://127.0.0.1:<port>"}, once it listens. Clients
// register themselves at the issuer's registration endpoint (RFC 7591), so a test can give
// the redirect URI of the Spil it runs. Each account's "amr" goes into its ID tokens.
import crypto from 'node:crypto';
import http from 'node:http';

import Provider from 'oidc-provider';

const config = JSON.parse(process.argv[2] || '{}');
const accounts = new Map((config.accounts || []).map((account) => [account.sub, account]));

const server = http.createServer();
await new Promise((resolve) => { server.listen(0, '127.0.0.1', resolve); });
const issuer = `http://127.0.0.1:${server.address().port}`;

const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'spil-test', use: 'sig', alg: 'RS256' };

const provider = new Provider(issuer, {
  jwks: { keys: [signingKey] },
  cookies: { keys: [crypto.randomBytes(32).toString('hex')] },
  claims: {
    // amr in every ID token: how the person signed in at the provider (RFC 8176).
    openid: ['sub', 'amr', 'auth_time'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name'],
  },
  features: {
    devInteractions: { enabled: false },
    registration: { enabled: true },
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, sub) {
    const account = accounts.get(sub);
    if (!account) return undefined;
    return {
      accountId: sub,
      async claims() {
        return {
          sub,
          email: account.email,
          email_verified: account.email_verified ?? true,
          name: account.name,
        };
      },
    };
  },
  // Spil is the organisation's own application: no consent screen.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
  pkce: { required: () => true },
});

function escape(text) {
  return String(text).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function page(uid, error = '') {
  return `<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Inloggen bij de organisatie</title></head>
<body><main>
<h1>Inloggen bij de organisatie</h1>
${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<p><label for="login">Gebruikersnaam</label> <input id="login" name="login" autocomplete="username"></p>
<p><label for="password">Wachtwoord organisatie</label> <input id="password" name="password" type="password" autocomplete="current-password"></p>
<p><button type="submit">Inloggen bij de organisatie</button></p>
</form>
</main></body></html>`;
}

async function readForm(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString());
}

async function interaction(req, res, uid, submitted) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name !== 'login') {
    throw new Error(`unexpected prompt ${details.prompt.name}`);
  }
  if (!submitted) {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(page(uid));
    return;
  }
  const form = await readForm(req);
  const account = [...accounts.values()].find((candidate) => candidate.sub === form.get('login'));
  if (!account || account.password !== form.get('password')) {
    res.statusCode = 401;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(page(uid, 'Onbekende gebruikersnaam of verkeerd wachtwoord.'));
    return;
  }
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: account.sub, amr: account.amr || ['pwd'] } },
    { mergeWithLastSubmission: false },
  );
}

const handle = provider.callback();
server.on('request', (req, res) => {
  const match = new URL(req.url, issuer).pathname.match(/^\/interaction\/([^/]+)(\/login)?$/);
  if (!match) {
    handle(req, res);
    return;
  }
  const submitted = Boolean(match[2]) && req.method === 'POST';
  interaction(req, res, match[1], submitted).catch((error) => {
    res.statusCode = 500;
    res.end(String(error));
  });
});

process.on('SIGTERM', () => { server.close(); process.exit(0); });
console.log(JSON.stringify({ issuer }));
