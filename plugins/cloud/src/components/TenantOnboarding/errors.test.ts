import { ResponseError } from '@backstage/errors';
import { errorMessage, ErrorTranslations } from './errors';

const t = ((key: string) =>
  `translated:${key}`) as unknown as ErrorTranslations;

function responseError(status: number, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'Error', message },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}

describe('errorMessage', () => {
  it('shows a translated sentence for what is not the user’s mistake', async () => {
    expect(
      errorMessage(await responseError(503, 'database down at 10.0.0.1'), t),
    ).toBe('translated:errors.unavailable');
    expect(errorMessage(await responseError(500, 'select * from x'), t)).toBe(
      'translated:errors.unexpected',
    );
    expect(errorMessage(await responseError(413, 'too large'), t)).toBe(
      'translated:errors.tooLarge',
    );
  });

  it('shows the backend’s message, which names the field, for a 4xx', async () => {
    expect(
      errorMessage(
        await responseError(400, 'invalid request: comment must not contain'),
        t,
      ),
    ).toBe('invalid request: comment must not contain');
    expect(errorMessage(new Error('offline'), t)).toBe('offline');
  });
});
