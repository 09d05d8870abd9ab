// Overload probe (docs/benchmarks.md, "Latency tail and overload"): sends
// GET requests to one URL at a fixed rate for a while, whatever the answers,
// then reports the count and latency of each status (and a Retry-After
// header seen), and how long after the last request was sent a request is
// answered 2xx in less than 500 ms again.
//   node packages/bench/src/overload.js URL TOKEN RATE SECONDS
const [url, token, rate, seconds] = [
  process.argv[2],
  process.argv[3],
  Number(process.argv[4]),
  Number(process.argv[5]),
];
const results = [];
const pct = (a, p) =>
  a.length ? a[Math.min(a.length - 1, Math.floor(a.length * p))] : NaN;
async function one() {
  const t0 = performance.now();
  try {
    const r = await fetch(url, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(60000),
    });
    await r.arrayBuffer();
    results.push({
      s: r.status,
      ms: performance.now() - t0,
      ra: r.headers.get('retry-after'),
    });
  } catch {
    results.push({ s: 'err', ms: performance.now() - t0 });
  }
}
(async () => {
  const total = rate * seconds;
  const start = performance.now();
  const pending = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise(resolve => setTimeout(resolve, wait));
    pending.push(one());
  }
  const sentEnd = performance.now();
  await Promise.all(pending);
  const drained = (performance.now() - sentEnd) / 1000;
  const by = {};
  for (const r of results) (by[r.s] ??= []).push(r.ms);
  for (const [s, a] of Object.entries(by)) {
    a.sort((x, y) => x - y);
    console.log(
      `status ${s}: ${a.length}, p50 ${pct(a, 0.5).toFixed(1)} ms, p95 ${pct(
        a,
        0.95,
      ).toFixed(1)} ms, max ${a[a.length - 1].toFixed(1)} ms`,
    );
  }
  const ra = results.find(r => r.ra);
  console.log(
    `Retry-After example: ${
      ra ? ra.ra : 'none'
    }; all answered ${drained.toFixed(1)} s after the last request was sent`,
  );
  // recovery: one request per 0.5 s until one answers 2xx in < 500 ms
  const t = sentEnd;
  for (;;) {
    const t0 = performance.now();
    let ok = false;
    try {
      const r = await fetch(url, {
        headers: { authorization: `Bearer ${token}` },
      });
      await r.arrayBuffer();
      ok = r.ok;
    } catch {
      // refused or reset: not recovered yet
    }
    const ms = performance.now() - t0;
    if (ok && ms < 500) {
      console.log(
        `recovered: 2xx in ${ms.toFixed(0)} ms, ${(
          (performance.now() - t) /
          1000
        ).toFixed(1)} s after the last request was sent`,
      );
      break;
    }
    if (performance.now() - t > 120000) {
      console.log('not recovered after 120 s');
      break;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
})();
