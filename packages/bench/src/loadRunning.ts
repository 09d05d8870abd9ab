/*
 * The list and detail routes of the cloud API under a fixed-rate load, on a
 * portal that is already running (docs/benchmarks.md, "The detail in one
 * round trip"): for databases that run.ts cannot seed and ingest in
 * reasonable time (100,000 tenants: the catalog's ingestion alone takes
 * about 16 minutes), and for A/B runs of a change on the same database.
 *
 *   node -r @backstage/cli/config/nodeTransform.cjs src/loadRunning.ts \
 *     --url http://127.0.0.1:7007 [--user claire.dubois] [--rate 500] \
 *     [--duration 20] [--rounds 2] [--shape smooth] [--endpoints list,detail] \
 *     [--backend-pid PID]
 *
 * Signs in through the demonstration sign-in (the portal must enable it),
 * reads the user's first page of tenants (50) and takes its fourth tenant
 * for the detail, then runs each endpoint in turn, `rounds` times. With
 * --backend-pid, prints the backend's CPU time per request; with
 * BENCH_PG_PIDFILE (the `postmaster.pid` of the database server), the
 * database server's too. Latency figures as load.ts records them.
 */
import { callApi, postgresCpu, processCpuSeconds, signIn } from './backend';
import { LoadShape, runLoad } from './load';

interface Args {
  url: string;
  user: string;
  rate: number;
  duration: number;
  rounds: number;
  shape: LoadShape;
  endpoints: Array<'list' | 'detail'>;
  backendPid?: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    url: '',
    user: 'claire.dubois',
    rate: 500,
    duration: 20,
    rounds: 2,
    shape: 'smooth',
    endpoints: ['list', 'detail'],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) {
        throw new Error(`${arg} needs a value`);
      }
      return next;
    };
    const number = () => {
      const n = Number(value());
      if (!Number.isFinite(n) || n <= 0) {
        throw new Error(`${arg} needs a positive number`);
      }
      return n;
    };
    switch (arg) {
      case '--url':
        args.url = value().replace(/\/+$/, '');
        break;
      case '--user':
        args.user = value();
        break;
      case '--rate':
        args.rate = number();
        break;
      case '--duration':
        args.duration = number();
        break;
      case '--rounds':
        args.rounds = number();
        break;
      case '--shape': {
        const shape = value();
        if (shape !== 'smooth' && shape !== 'autocannon') {
          throw new Error('--shape is smooth or autocannon');
        }
        args.shape = shape;
        break;
      }
      case '--endpoints': {
        const endpoints = value().split(',');
        if (endpoints.some(e => e !== 'list' && e !== 'detail')) {
          throw new Error('--endpoints are among list,detail');
        }
        args.endpoints = endpoints as Args['endpoints'];
        break;
      }
      case '--backend-pid':
        args.backendPid = number();
        break;
      default:
        throw new Error(`unknown option ${arg}`);
    }
  }
  if (!args.url) {
    throw new Error('--url of the running portal is needed');
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const token = await signIn(args.url, args.user);
  const page = await callApi<{ items: Array<{ name: string }> }>(
    args.url,
    '/api/cloud/tenants?limit=50',
    token,
  );
  const detail = page.items[Math.min(3, page.items.length - 1)];
  if (!detail) {
    throw new Error(`${args.user} reads no tenant at ${args.url}`);
  }
  const paths = {
    list: '/api/cloud/tenants?limit=50',
    detail: `/api/cloud/tenants/${encodeURIComponent(detail.name)}`,
  };
  console.log(
    `${args.url}, ${args.user}: ${page.items.length} tenants a page, detail of ${detail.name}`,
  );
  for (let round = 1; round <= args.rounds; round++) {
    for (const endpoint of args.endpoints) {
      const backendBefore = args.backendPid
        ? processCpuSeconds(args.backendPid)
        : 0;
      const postgresBefore = postgresCpu();
      const result = await runLoad({
        bases: [args.url],
        requests: [{ path: paths[endpoint], token }],
        duration: args.duration,
        rate: args.rate,
        connections: 50,
        shape: args.shape,
      });
      const perRequest = (seconds: number) =>
        `${((seconds * 1000) / Math.max(1, result.responses)).toFixed(2)} ms`;
      const cpu = [
        args.backendPid
          ? `backend CPU ${perRequest(
              processCpuSeconds(args.backendPid) - backendBefore,
            )} a request`
          : undefined,
        process.env.BENCH_PG_PIDFILE
          ? `PostgreSQL ${perRequest(postgresCpu() - postgresBefore)}`
          : undefined,
      ].filter(Boolean);
      console.log(
        `round ${round} ${endpoint} ${args.rate}/s ${args.shape}: ${
          result.rps
        } req/s, p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${
          result.p99
        } ms, max ${result.max} ms, non-2xx ${result.non2xx}, errors ${
          result.errors
        }${cpu.length ? `, ${cpu.join(', ')}` : ''}`,
      );
    }
  }
}

main().catch(error => {
  console.error(String(error?.message ?? error));
  process.exit(1);
});
