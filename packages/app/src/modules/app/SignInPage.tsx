import {
  Content,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
  SignInPage,
} from '@backstage/core-components';
import {
  IdentityApi,
  configApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { SignInPageProps } from '@backstage/plugin-app-react';
import { cloudTranslationRef } from '@amue/plugin-cloud';
import { parseFederationRefusal } from '@amue/plugin-cloud-common';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { oidcAuthApiRef } from './oidcAuthApi';

/**
 * Set in the tab's session storage when the user signs out of OpenID
 * Connect: the sign-in page then waits for a click instead of signing in
 * again at once through the identity provider's single sign-on session.
 */
export const SIGNED_OUT_STORAGE_KEY = 'amue-cloud.signed-out';

/** Where the persona chosen on the demonstration sign-in page is kept. */
export const DEV_USER_STORAGE_KEY = 'amue-cloud.dev-user';
/** The header the `dev` auth provider reads the user name from. */
export const DEV_USER_HEADER = 'x-amue-dev-user';

type Persona = { user: string; name: string; description: string };

function readPersonas(config: typeof configApiRef.T): Persona[] {
  return (config.getOptionalConfigArray('cloud.devSignIn.personas') ?? []).map(
    c => ({
      user: c.getString('user'),
      name: c.getString('name'),
      description: c.getOptionalString('description') ?? '',
    }),
  );
}

/** Signs in as the chosen persona; forgetting the choice on sign-out. */
function DevSignIn(props: SignInPageProps & { user: string }) {
  const { user, onSignInSuccess } = props;
  return (
    <ProxiedSignInPage
      onSignInSuccess={(identity: IdentityApi) =>
        onSignInSuccess({
          getProfileInfo: () => identity.getProfileInfo(),
          getBackstageIdentity: () => identity.getBackstageIdentity(),
          getCredentials: () => identity.getCredentials(),
          signOut: async () => {
            window.localStorage.removeItem(DEV_USER_STORAGE_KEY);
            await identity.signOut();
          },
        })
      }
      provider="dev"
      headers={{ [DEV_USER_HEADER]: user }}
    />
  );
}

function PersonaPicker(props: { onPick: (user: string) => void }) {
  const { t } = useTranslationRef(cloudTranslationRef);
  const personas = readPersonas(useApi(configApiRef));
  return (
    <Page themeId="home">
      <Header title={t('signIn.title')} />
      <Content>
        <Typography variant="body1" paragraph>
          {t('signIn.devNotice')}
        </Typography>
        <Grid container spacing={3}>
          {personas.map(p => (
            <Grid item xs={12} sm={6} md={3} key={p.user}>
              <InfoCard title={p.name}>
                <Typography variant="body2" paragraph>
                  {p.description}
                </Typography>
                <Button
                  variant="contained"
                  color="primary"
                  onClick={() => props.onPick(p.user)}
                >
                  {t('signIn.signInAs', { name: p.name })}
                </Button>
              </InfoCard>
            </Grid>
          ))}
        </Grid>
      </Content>
    </Page>
  );
}

/**
 * Why the OpenID Connect sign-in failed, in the reader's language: the
 * refusals of the federation sign-in resolver are recognised by their tag
 * (see `federationRefusalMessage` in cloud-common); any other error keeps
 * its message.
 */
export function SignInError(props: { error?: Error }) {
  const { t } = useTranslationRef(cloudTranslationRef);
  const message = props.error?.message ?? '';
  const refusal = parseFederationRefusal(message);
  const values = refusal?.values.join(', ') ?? '';
  let text: string;
  switch (refusal?.code) {
    case 'no-identifier':
      text = t('signIn.refused.noIdentifier');
      break;
    case 'no-establishment':
      text = t('signIn.refused.noEstablishment');
      break;
    case 'unknown-establishment':
      text = t('signIn.refused.unknownEstablishment', { uai: values });
      break;
    case 'affiliation-not-allowed':
      text = t('signIn.refused.affiliationNotAllowed', {
        affiliations: values,
      });
      break;
    case 'several-establishments':
      text = t('signIn.refused.severalEstablishments', { uais: values });
      break;
    default:
      text = t('signIn.refused.other', { message });
  }
  return (
    <Typography variant="body1" color="error" role="alert">
      {text}
    </Typography>
  );
}

/**
 * The portal's sign-in page: OpenID Connect in production; outside
 * production, a choice of demonstration personas signed in through the
 * backend's `dev` provider (which the backend refuses to run when
 * `auth.environment` is `production`).
 */
export function PortalSignInPage(props: SignInPageProps) {
  const { t } = useTranslationRef(cloudTranslationRef);
  const config = useApi(configApiRef);
  const [user, setUser] = useState(
    () => window.localStorage.getItem(DEV_USER_STORAGE_KEY) ?? undefined,
  );

  if (config.getOptionalString('auth.environment') === 'production') {
    const signedOut =
      window.sessionStorage.getItem(SIGNED_OUT_STORAGE_KEY) !== null;
    return (
      <SignInPage
        {...props}
        onSignInSuccess={(identity: IdentityApi) => {
          window.sessionStorage.removeItem(SIGNED_OUT_STORAGE_KEY);
          props.onSignInSuccess({
            getProfileInfo: () => identity.getProfileInfo(),
            getBackstageIdentity: () => identity.getBackstageIdentity(),
            getCredentials: () => identity.getCredentials(),
            signOut: async () => {
              window.sessionStorage.setItem(SIGNED_OUT_STORAGE_KEY, '1');
              await identity.signOut();
            },
          });
        }}
        title={t('signIn.title')}
        auto={!signedOut}
        provider={{
          id: 'oidc-auth-provider',
          title: t('signIn.oidc'),
          message: t('signIn.oidc'),
          apiRef: oidcAuthApiRef,
        }}
        ErrorComponent={SignInError}
      />
    );
  }

  if (user) {
    return <DevSignIn {...props} user={user} />;
  }
  return (
    <PersonaPicker
      onPick={picked => {
        window.localStorage.setItem(DEV_USER_STORAGE_KEY, picked);
        setUser(picked);
      }}
    />
  );
}
