import { wrapServer } from '@backstage/backend-openapi-utils/testUtils';
import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A server in front of a test backend that checks every request and
 * response against the cloud API's OpenAPI document (upstream's
 * `wrapServer`: a proxy that validates each pair and fails the test on a
 * response the document does not describe). `target` gives the backend's
 * server at each request, so that a test may restart the backend.
 *
 * The document is read from the backend (`/api/cloud/openapi.json`, whose
 * paths carry the `/api/cloud` prefix), so the check runs on what the
 * plugin serves.
 */
export async function specCheckedServer(
  target: () => http.Server,
): Promise<http.Server> {
  const app = express();
  app.use((req, res) => {
    const { port } = target().address() as AddressInfo;
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port,
        method: req.method,
        path: req.url === '/openapi.json' ? '/api/cloud/openapi.json' : req.url,
        headers: req.headers,
      },
      response => {
        res.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(res);
      },
    );
    upstream.on('error', error => res.destroy(error));
    req.pipe(upstream);
  });
  return wrapServer(app);
}
