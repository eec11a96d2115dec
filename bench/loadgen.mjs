// Load generator for a Slack Events API endpoint: signed event_callback message events, every one with a new
// event id, at a fixed number of connections (one request in flight on each), for a fixed time.
// usage: node loadgen.mjs --url http://127.0.0.1:3300/slack/event [--secret S] [--connections 64] [--seconds 8]
// Prints one JSON line: requests/s and latency percentiles in ms. Loopback only, at most 60 s.
// autocannon drives the sockets (it is found through NODE_PATH, see run.sh); latencies are kept here, unrounded,
// because autocannon's own histogram rounds them to whole milliseconds and a p99 of 10 ms is then +-10%.
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';

const autocannon = createRequire(import.meta.url)('autocannon');
const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3300/slack/event' },
    secret: { type: 'string', default: 'bench-signing-secret' },
    connections: { type: 'string', default: '64' },
    seconds: { type: 'string', default: '8' },
  },
});
const url = new URL(args.url);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
  console.error('loadgen: loopback targets only');
  process.exit(2);
}

const connections = Number(args.connections);
const seconds = Math.min(60, Number(args.seconds));
const secret = args.secret;

// The workspace EmulatorHost seeds: 50 users, 20 channels.
const team = 'T0PERF0001';
const user = (i) => `U0PERF${String(i % 50).padStart(4, '0')}`;
const channel = (i) => `C0PERF${String(i % 20).padStart(4, '0')}`;
const greetings = ['hi', 'hey, got a minute?', 'hello :wave:', 'quick question'];
const urgent = ['URGENT: checkout fails for every EU customer', 'prod is down, anyone around?', 'sev1: payments API returns 500s'];
const topics = ['rollout', 'budget', 'on-call rota', 'migration', 'incident review', 'pricing page', 'Q3 roadmap'];

// Unique across invocations (a random run tag) and within one (a counter): no event id is ever delivered twice.
const run = crypto.randomBytes(4).toString('hex').toUpperCase();
let sent = 0;

// A realistic mix: a quarter bare greetings (context nudges), some urgent outside an urgent channel, the rest asks
// with a mention (tracked for replies).
function text(n) {
  if (n % 4 === 0) return greetings[n % greetings.length];
  if (n % 9 === 1) return urgent[n % urgent.length];
  return `<@${user(n + 7)}> could you review the ${topics[n % topics.length]} plan in https://docs.example.com/d/${n} before Thursday?`;
}

function signedRequest(req) {
  const n = ++sent;
  const now = Date.now();
  const seconds = Math.floor(now / 1000);
  const ts = `${seconds}.${String(n % 1_000_000).padStart(6, '0')}`;
  const body = JSON.stringify({
    token: 'unused', team_id: team, api_app_id: 'A0PERF0001', type: 'event_callback',
    event_id: `Ev${run}${n.toString(36).toUpperCase()}`, event_time: seconds,
    event: { type: 'message', channel: channel(n), channel_type: 'channel', user: user(n * 3), text: text(n), ts, event_ts: ts },
    authorizations: [{ team_id: team, user_id: 'U0PERFBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
  const signature = 'v0=' + crypto.createHmac('sha256', secret).update(`v0:${seconds}:${body}`).digest('hex');
  return {
    ...req, method: 'POST', path: url.pathname, body,
    headers: { ...req.headers, 'content-type': 'application/json', 'x-slack-request-timestamp': String(seconds), 'x-slack-signature': signature },
  };
}

let latencies = new Float64Array(1 << 16);
let count = 0;
let non2xx = 0;
const started = process.hrtime.bigint();
const instance = autocannon({
  url: url.origin, connections, pipelining: 1, duration: seconds, timeout: 5,
  requests: [{ setupRequest: signedRequest }],
});
instance.on('response', (_client, status, _bytes, ms) => {
  if (status < 200 || status > 299) non2xx++;
  if (count === latencies.length) {
    const grown = new Float64Array(latencies.length * 2);
    grown.set(latencies);
    latencies = grown;
  }
  latencies[count++] = ms;
});
instance.on('done', (result) => {
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const sorted = latencies.subarray(0, count).sort();
  const at = (q) => (count ? Math.round(sorted[Math.min(count - 1, Math.ceil(q * count) - 1)] * 100) / 100 : null);
  console.log(JSON.stringify({
    connections, seconds, requests: count, rps: Math.round(count / elapsed),
    p50_ms: at(0.5), p90_ms: at(0.9), p99_ms: at(0.99), max_ms: at(1),
    non2xx, errors: result.errors, timeouts: result.timeouts,
  }));
});
