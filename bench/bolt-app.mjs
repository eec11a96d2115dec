// The baseline a team would write instead: a minimal Slack Bolt for JavaScript app on Bolt's default HTTP receiver
// (signature and 5-minute window checked, the ack sent before the listener runs), with a trivial message listener.
// usage: node bolt-app.mjs PORT SECRET     (@slack/bolt comes from NODE_PATH, see run.sh and node/package.json)
// Web API calls would go to a dead loopback port; the listener makes none.
import { createRequire } from 'node:module';

const { App, LogLevel } = createRequire(import.meta.url)('@slack/bolt');
const port = Number(process.argv[2] ?? 3100);
const app = new App({
  signingSecret: process.argv[3] ?? 'bench-signing-secret',
  token: 'xoxb-bench',
  botId: 'B0PERFBOT',
  botUserId: 'U0PERFBOT',
  tokenVerificationEnabled: false,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: 'http://127.0.0.1:9/api/' },
});

let urgent = 0;
let asks = 0;
app.message(async ({ message }) => {
  const text = message.text ?? '';
  if (/\b(urgent|asap|down|sev1)\b/i.test(text)) urgent++;
  else if (text.includes('<@') && text.includes('?')) asks++;
});

await app.start({ port, host: '127.0.0.1' });
console.log(`bolt baseline on 127.0.0.1:${port}`);
process.on('SIGTERM', () => {
  console.log(`urgent ${urgent}, asks ${asks}`);
  process.exit(0);
});
