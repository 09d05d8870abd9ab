import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { IdentityApi } from '@backstage/frontend-plugin-api';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  DEV_USER_HEADER,
  DEV_USER_STORAGE_KEY,
  PortalSignInPage,
  SIGNED_OUT_STORAGE_KEY,
} from './SignInPage';
import { oidcAuthApiRef } from './oidcAuthApi';
import { federationRefusalMessage } from '@amue/plugin-cloud-common';

const personas = [
  {
    user: 'claire.dubois',
    name: 'Claire Dubois',
    description: 'Director of information systems',
  },
  { user: 'marc.leroy', name: 'Marc Leroy', description: 'Amue operator' },
];

const AUTH_BASE_URL = 'http://backend.test/api/auth';

function base64Url(value: object) {
  return window
    .btoa(JSON.stringify(value))
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

function sessionFor(user: string) {
  const exp = Math.floor(Date.now() / 1000) + 3600;
  return {
    profile: { displayName: user },
    backstageIdentity: {
      token: `${base64Url({ alg: 'none' })}.${base64Url({
        sub: `user:default/${user}`,
        exp,
      })}.sig`,
      identity: {
        type: 'user',
        userEntityRef: `user:default/${user}`,
        ownershipEntityRefs: [`user:default/${user}`],
      },
    },
  };
}

function renderSignIn(options: {
  environment?: string;
  onSignInSuccess?: (identity: IdentityApi) => void;
  oidcGetBackstageIdentity?: jest.Mock;
}) {
  const onSignInSuccess = options.onSignInSuccess ?? jest.fn();
  return renderInTestApp(
    <PortalSignInPage onSignInSuccess={onSignInSuccess} />,
    {
      config: {
        app: { title: 'Amue Cloud Portal' },
        ...(options.environment
          ? { auth: { environment: options.environment } }
          : {}),
        cloud: { devSignIn: { personas } },
      },
      apis: [
        mockApis.discovery({ baseUrl: 'http://backend.test' }),
        [
          oidcAuthApiRef,
          {
            getBackstageIdentity:
              options.oidcGetBackstageIdentity ??
              jest.fn(async () => undefined),
            getProfile: jest.fn(async () => undefined),
          },
        ],
      ],
    },
  );
}

describe('PortalSignInPage', () => {
  let fetchMock: jest.SpiedFunction<typeof fetch>;

  beforeEach(() => {
    window.localStorage.clear();
    fetchMock = jest
      .spyOn(global, 'fetch')
      .mockImplementation(async (_input, init) => {
        const user = new Headers(init?.headers).get(DEV_USER_HEADER) ?? '';
        return new Response(JSON.stringify(sessionFor(user)), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
      });
  });

  afterEach(() => {
    fetchMock.mockRestore();
    window.localStorage.clear();
  });

  describe('outside production', () => {
    it('offers one sign-in button per configured persona', async () => {
      renderSignIn({});

      expect(
        await screen.findByRole('button', { name: 'Sign in as Claire Dubois' }),
      ).toBeInTheDocument();
      expect(
        screen.getByRole('button', { name: 'Sign in as Marc Leroy' }),
      ).toBeInTheDocument();
      expect(
        screen.getAllByRole('button', { name: /^Sign in as / }),
      ).toHaveLength(2);
      expect(
        screen.getByText('Director of information systems'),
      ).toBeInTheDocument();
      expect(
        screen.getByText(
          'Demonstration sign-in: choose a persona. This sign-in does not exist in production.',
        ),
      ).toBeInTheDocument();
      // nothing is requested before a persona is chosen
      expect(fetchMock).not.toHaveBeenCalled();
    });

    it('signs in as the chosen persona through the dev provider', async () => {
      const onSignInSuccess = jest.fn();
      renderSignIn({ onSignInSuccess });

      await userEvent.click(
        await screen.findByRole('button', { name: 'Sign in as Marc Leroy' }),
      );

      expect(window.localStorage.getItem(DEV_USER_STORAGE_KEY)).toBe(
        'marc.leroy',
      );
      await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
      const [url, init] = fetchMock.mock.calls[0];
      expect(url).toBe(`${AUTH_BASE_URL}/dev/refresh`);
      const headers = new Headers(init?.headers);
      expect(headers.get(DEV_USER_HEADER)).toBe('marc.leroy');
      expect(headers.get('X-Requested-With')).toBe('XMLHttpRequest');

      await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
      const identity: IdentityApi = onSignInSuccess.mock.calls[0][0];
      await expect(identity.getBackstageIdentity()).resolves.toEqual(
        expect.objectContaining({ userEntityRef: 'user:default/marc.leroy' }),
      );

      // signing out forgets the persona
      await identity.signOut();
      expect(window.localStorage.getItem(DEV_USER_STORAGE_KEY)).toBeNull();
    });

    it('signs in again as the remembered persona without asking', async () => {
      window.localStorage.setItem(DEV_USER_STORAGE_KEY, 'claire.dubois');
      const onSignInSuccess = jest.fn();
      renderSignIn({ onSignInSuccess });

      await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
      expect(
        screen.queryByRole('button', { name: /^Sign in as / }),
      ).not.toBeInTheDocument();
      expect(fetchMock).toHaveBeenCalledTimes(1);
      expect(
        new Headers(fetchMock.mock.calls[0][1]?.headers).get(DEV_USER_HEADER),
      ).toBe('claire.dubois');
    });
  });

  describe('in production', () => {
    it('shows no persona and signs in with OpenID Connect only', async () => {
      // a persona left over from a demonstration must not be used either
      window.localStorage.setItem(DEV_USER_STORAGE_KEY, 'claire.dubois');
      const popupRejected = Object.assign(new Error('popup closed'), {
        name: 'PopupRejectedError',
      });
      const oidcGetBackstageIdentity = jest.fn(
        async (options?: { optional?: boolean }) => {
          if (options?.optional) {
            return undefined;
          }
          throw popupRejected;
        },
      );
      const onSignInSuccess = jest.fn();
      renderSignIn({
        environment: 'production',
        onSignInSuccess,
        oidcGetBackstageIdentity,
      });

      expect(
        await screen.findByText('Sign in with your establishment account', {
          selector: 'p',
        }),
      ).toBeInTheDocument();
      expect(oidcGetBackstageIdentity).toHaveBeenCalledWith({
        optional: true,
      });
      expect(screen.queryByText(/Sign in as /)).not.toBeInTheDocument();
      expect(screen.queryByText('Claire Dubois')).not.toBeInTheDocument();
      expect(screen.queryByText('Marc Leroy')).not.toBeInTheDocument();
      expect(
        screen.queryByText(/Demonstration sign-in/),
      ).not.toBeInTheDocument();
      expect(fetchMock).not.toHaveBeenCalled();
      expect(onSignInSuccess).not.toHaveBeenCalled();
    });

    it.each([
      [
        'unknown-establishment',
        ['0000001B'],
        'Sign-in refused: the establishment 0000001B is not a member establishment of the portal. Contact Amue if your establishment should be listed.',
      ],
      [
        'affiliation-not-allowed',
        ['student', 'member'],
        'Sign-in refused: the portal is open to establishment staff; your affiliation (student, member) does not allow you to sign in.',
      ],
      [
        'no-establishment',
        [],
        "Sign-in refused: your identity provider did not say which establishment you belong to (supannEtablissement). Contact your establishment's IT department.",
      ],
      [
        'several-establishments',
        ['0333298F', '0597239Y'],
        'Sign-in refused: you belong to several establishments (0333298F, 0597239Y) and the portal cannot choose one. Contact Amue.',
      ],
    ] as const)(
      'explains the federation refusal %s',
      async (code, values, text) => {
        const refused = Object.assign(
          new Error(federationRefusalMessage({ code, values: [...values] })),
          { name: 'NotAllowedError' },
        );
        renderSignIn({
          environment: 'production',
          oidcGetBackstageIdentity: jest.fn(
            async (options?: { optional?: boolean }) => {
              if (options?.optional) {
                return undefined;
              }
              throw refused;
            },
          ),
        });

        expect(await screen.findByRole('alert')).toHaveTextContent(text);
      },
    );

    it('waits for a click after a sign-out instead of signing in again at once', async () => {
      window.sessionStorage.setItem(SIGNED_OUT_STORAGE_KEY, '1');
      const oidcGetBackstageIdentity = jest.fn(async () => undefined);
      renderSignIn({ environment: 'production', oidcGetBackstageIdentity });

      expect(
        await screen.findByText('Sign in with your establishment account', {
          selector: 'p',
        }),
      ).toBeInTheDocument();
      // only the check for an existing session, no popup
      expect(oidcGetBackstageIdentity).toHaveBeenCalledTimes(1);
      expect(oidcGetBackstageIdentity).toHaveBeenCalledWith({ optional: true });
      window.sessionStorage.removeItem(SIGNED_OUT_STORAGE_KEY);
    });

    it('marks the tab as signed out when the user signs out', async () => {
      const session = sessionFor('jean.martin_u-bordeaux.fr');
      const identity = {
        identity: {
          ...session.backstageIdentity.identity,
          type: 'user' as const,
        },
        token: session.backstageIdentity.token,
      };
      const signOut = jest.fn(async () => {});
      const onSignInSuccess = jest.fn();
      renderInTestApp(<PortalSignInPage onSignInSuccess={onSignInSuccess} />, {
        config: {
          app: { title: 'Amue Cloud Portal' },
          auth: { environment: 'production' },
        },
        apis: [
          [
            oidcAuthApiRef,
            {
              getBackstageIdentity: jest.fn(async () => identity),
              getProfile: jest.fn(async () => session.profile),
              signOut,
            },
          ],
        ],
      });

      await waitFor(() => expect(onSignInSuccess).toHaveBeenCalled());
      expect(window.sessionStorage.getItem(SIGNED_OUT_STORAGE_KEY)).toBeNull();
      await onSignInSuccess.mock.calls[0][0].signOut();
      expect(window.sessionStorage.getItem(SIGNED_OUT_STORAGE_KEY)).toBe('1');
      window.sessionStorage.removeItem(SIGNED_OUT_STORAGE_KEY);
    });

    it('shows any other sign-in error as it is', async () => {
      renderSignIn({
        environment: 'production',
        oidcGetBackstageIdentity: jest.fn(
          async (options?: { optional?: boolean }) => {
            if (options?.optional) {
              return undefined;
            }
            throw new Error('The identity provider did not answer');
          },
        ),
      });

      expect(await screen.findByRole('alert')).toHaveTextContent(
        'Sign-in failed: The identity provider did not answer',
      );
    });
  });
});
