import { render, screen } from '@testing-library/react';
import App from './App';

describe('App', () => {
  const originalEnv = process.env;

  afterEach(() => {
    process.env = originalEnv;
  });

  it('should render, up to the portal sign-in page', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Test' },
            backend: { baseUrl: 'http://localhost:7007' },
            techdocs: {
              storageUrl: 'http://localhost:7007/api/techdocs/static/docs',
            },
            cloud: {
              devSignIn: {
                personas: [{ user: 'claire.dubois', name: 'Claire Dubois' }],
              },
            },
          },
          context: 'test',
        },
      ] as any,
    };

    render(App.createRoot());

    // The app's own sign-in page (modules/app) replaces the default one:
    // outside production it offers the configured personas.
    expect(
      await screen.findByRole(
        'button',
        { name: 'Sign in as Claire Dubois' },
        { timeout: 4_000 },
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Sign in to the Amue Cloud Portal'),
    ).toBeInTheDocument();
  });
});
