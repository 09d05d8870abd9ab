import { mockServices } from '@backstage/backend-test-utils';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudPeopleRecorder } from './PeopleRecorder';

/** A cloud backend that answers `status` and records each request. */
async function fakeCloud(status: number) {
  const requests: Array<{ method?: string; url?: string; body: string }> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', chunk => (body += chunk));
    req.on('end', () => {
      requests.push({ method: req.method, url: req.url, body });
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(
        status === 200
          ? body
          : JSON.stringify({ error: { name: 'InputError', message: 'bad' } }),
      );
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    requests,
    baseUrl: `http://127.0.0.1:${port}/api/cloud`,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

describe('CloudPeopleRecorder', () => {
  const person = {
    displayName: 'Jean Martin',
    establishments: ['etab-0333298f'],
  };

  it('records a sign-in with PUT /people/{name}', async () => {
    const cloud = await fakeCloud(200);
    const recorder = new CloudPeopleRecorder({
      discovery: { getBaseUrl: async () => cloud.baseUrl } as any,
      auth: mockServices.auth(),
    });
    await recorder.record('jean.martin_u-bordeaux.fr', person);
    expect(cloud.requests).toEqual([
      {
        method: 'PUT',
        url: '/api/cloud/people/jean.martin_u-bordeaux.fr',
        body: JSON.stringify(person),
      },
    ]);
    await cloud.close();
  });

  it('throws when the cloud backend refuses', async () => {
    const cloud = await fakeCloud(400);
    const recorder = new CloudPeopleRecorder({
      discovery: { getBaseUrl: async () => cloud.baseUrl } as any,
      auth: mockServices.auth(),
    });
    await expect(recorder.record('jean', person)).rejects.toThrow(/400/);
    await cloud.close();
  });
});
