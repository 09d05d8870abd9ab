import { wrapServer } from '@backstage/backend-openapi-utils/testUtils';
import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The document without `format`, for the checking proxy (see below). */
function withoutFormats(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutFormats);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key, inner]) => key !== 'format' || typeof inner !== 'string')
        .map(([key, inner]) => [key, withoutFormats(inner)]),
    );
  }
  return value;
}

/**
 * A server in front of a test backend that checks every request and
 * response against the cloud API's OpenAPI document: upstream's
 * `wrapServer` (`@backstage/backend-openapi-utils/testUtils`), a proxy that
 * validates each pair and fails the test on a response the document does
 * not describe. `target` gives the backend's server at each request, so
 * that a test may restart the backend. Answers the URL to send the test
 * requests to.
 *
 * The document is the one the plugin serves (`/api/cloud/openapi.json`,
 * whose paths carry the `/api/cloud` prefix), less its `format` keywords:
 * the proxy's validator knows no format and refuses a schema that names
 * one (the router's validator checks them on requests).
 */
export async function specCheckedServer(
  target: () => http.Server,
): Promise<string> {
  const app = express();
  const forward = (req: express.Request, res: express.Response) => {
    const { port } = target().address() as AddressInfo;
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      response => {
        res.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(res);
      },
    );
    upstream.on('error', error => res.destroy(error));
    req.pipe(upstream);
  };
  app.get('/openapi.json', async (_req, res) => {
    const { port } = target().address() as AddressInfo;
    const document = await fetch(
      `http://127.0.0.1:${port}/api/cloud/openapi.json`,
    );
    res.json(withoutFormats(await document.json()));
  });
  app.use(forward);
  // The proxy forwards to `localhost`, on IPv6 when the port answers
  // there; the project's machines resolve `localhost` to IPv4 only.
  const listen = app.listen.bind(app);
  app.listen = ((port: number) =>
    listen(port, '127.0.0.1')) as typeof app.listen;
  // wrapServer's `address()` answers the proxy's URL (not an AddressInfo,
  // which the supertest of this repository expects): the tests call the
  // proxy by its URL.
  const proxy = await wrapServer(app);
  return String(proxy.address()).replace(/\/$/, '');
}
