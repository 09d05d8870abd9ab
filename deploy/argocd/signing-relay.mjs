// The signing relay of Argo CD's notifications to the Portail Amue Cloud:
// receives the body Argo CD's webhook service posts, signs it
// (x-amue-signature: sha256=<hex of HMAC-SHA256(secret, body)>) and forwards
// it, unchanged, to the portal's ingress. Node.js 22 or newer, no
// dependency. Environment: WEBHOOK_SECRET (the portal's
// events.modules.argocd.webhookSecret), PORTAL_INGRESS_URL (e.g.
// https://portail-cloud.amue.fr/api/events/http/argocd), PORT (8080).
import { createHmac } from 'node:crypto';
import http from 'node:http';

const secret = process.env.WEBHOOK_SECRET ?? '';
const target = process.env.PORTAL_INGRESS_URL;
if (secret.length < 32 || !target) {
  console.error(
    'WEBHOOK_SECRET (32+ characters) and PORTAL_INGRESS_URL are required',
  );
  process.exit(1);
}

http
  .createServer((req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    const chunks = [];
    let size = 0;
    req.on('data', chunk => {
      size += chunk.length;
      if (size > 1_000_000) {
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const signature = createHmac('sha256', secret).update(body).digest('hex');
      try {
        const answer = await fetch(target, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-amue-signature': `sha256=${signature}`,
          },
          body,
        });
        res.writeHead(answer.status).end(await answer.text());
      } catch (error) {
        console.error(`forwarding failed: ${error}`);
        res.writeHead(502).end();
      }
    });
  })
  .listen(Number(process.env.PORT ?? 8080));
