// A throwaway OpenID provider for the federation sign-in test
// (scripts/stage-federation.sh): oidc-provider on loopback, over http, with
// its development login page and the accounts of accounts.json.
//
//   node packages/app/e2e-federation/idp.mjs
//
// Environment: IDP_PORT (required), PORTAL_BASE_URL (required, for the
// redirect URI), OIDC_CLIENT_ID, OIDC_CLIENT_SECRET.
import Provider from 'oidc-provider';
import { readFileSync } from 'node:fs';

// The accounts, as an OIDC bridge in front of RENATER would release them
// (SUPANN attributes as claims): Bordeaux staff (current and former UAI),
// Lille staff, a Bordeaux student, staff of a non-member establishment, an
// Amue product owner and an Amue administrator (both catalog Users; the
// replica stage signs in as them). The login of the provider's login page is
// the account id; any password works.
const accounts = JSON.parse(
  readFileSync(new URL('./accounts.json', import.meta.url), 'utf8'),
);

const port = Number(process.env.IDP_PORT);
const portal = process.env.PORTAL_BASE_URL;
if (!port || !portal) {
  process.stderr.write('IDP_PORT and PORTAL_BASE_URL are required\n');
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;

const FEDERATION_CLAIMS = [
  'displayName',
  'mail',
  'eduPersonPrincipalName',
  'eduPersonAffiliation',
  'supannEtablissement',
];

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID ?? 'portail-amue-cloud',
      client_secret: process.env.OIDC_CLIENT_SECRET ?? 'federation-test',
      redirect_uris: [`${portal}/api/auth/oidc/handler/frame`],
      post_logout_redirect_uris: [portal],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    },
  ],
  // The bridge releases the SUPANN attributes with the profile scope.
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', ...FEDERATION_CLAIMS],
  },
  async findAccount(_ctx, id) {
    const account = accounts[id];
    if (!account) {
      return undefined;
    }
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          name: account.displayName,
          email: account.mail,
          email_verified: true,
          ...account,
        };
      },
    };
  },
  // First-party client: no consent page.
  async loadExistingGrant(ctx) {
    const grantId =
      ctx.oidc.result?.consent?.grantId ||
      ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      return ctx.oidc.provider.Grant.find(grantId);
    }
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
  issueRefreshToken: async (_ctx, client) =>
    client.grantTypeAllowed('refresh_token'),
  pkce: { required: () => false },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['federation-test-cookie-key'] },
});

provider.listen(port, '127.0.0.1', () => {
  process.stdout.write(`test OpenID provider listening on ${issuer}\n`);
});
