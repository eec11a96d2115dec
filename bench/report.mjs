// Turns run.sh's results (one JSON line per round, target and concurrency) into the benchmark's tables: medians over
// the rounds, and NormBot's ratios to the floor and to Bolt taken within each round (the machine's speed drifts
// between rounds far more than between the targets of one round), then their median, against the target at c=64.
// usage: node report.mjs results.jsonl
import { readFileSync } from 'node:fs';

const rows = readFileSync(process.argv[2], 'utf8').trim().split('\n').map((l) => JSON.parse(l));
// NormBot builds: this tree's, and one per ref run.sh built (at-<rev>).
const names = { bolt: 'Bolt for JS', floor: '.NET floor', normbot: 'NormBot (this tree)' };
for (const r of rows) if (r.target.startsWith('at-')) names[r.target] = `NormBot ${r.target.slice(3)}`;
const targets = Object.keys(names);
const builds = targets.filter((t) => t !== 'bolt' && t !== 'floor');
const levels = [...new Set(rows.map((r) => r.connections))].sort((a, b) => a - b);
const rounds = [...new Set(rows.map((r) => r.round))].sort((a, b) => a - b);

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const find = (round, target, c) => rows.find((r) => r.round === round && r.target === target && r.connections === c);
const fmt = (x, digits = 0) => (Number.isFinite(x) ? x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '-');

// NormBot's four ratios in one round, or nothing when a target is missing from it.
function ratios(round, build, c) {
  const [n, f, b] = [find(round, build, c), find(round, 'floor', c), find(round, 'bolt', c)];
  if (!n || !f || !b) return null;
  return { floor: n.rps / f.rps, bolt: n.rps / b.rps, p99: n.p99_ms / f.p99_ms, rss: n.rss_kb / b.rss_kb };
}

// The target at c=64: at least 0.75x the floor's requests/s and 1.5x Bolt's, p99 at most 2x the floor's, RSS below Bolt's.
const verdict = (r) => [r.floor >= 0.75 ? null : 'requests/s vs floor', r.bolt >= 1.5 ? null : 'requests/s vs Bolt', r.p99 <= 2 ? null : 'p99 vs floor', r.rss < 1 ? null : 'RSS vs Bolt'].filter(Boolean);

const out = [];
out.push(`Medians over ${rounds.length} round(s), every event id new; RSS read right after each phase.`, '');
out.push('| connections | target | requests/s | p50 ms | p99 ms | RSS MB | non-2xx, errors |', '| --- | --- | --- | --- | --- | --- | --- |');
for (const c of levels) {
  for (const t of targets) {
    const mine = rows.filter((r) => r.target === t && r.connections === c);
    const bad = mine.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0);
    out.push(`| ${c} | ${names[t]} | ${fmt(median(mine.map((r) => r.rps)))} | ${fmt(median(mine.map((r) => r.p50_ms)), 2)} | ${fmt(median(mine.map((r) => r.p99_ms)), 2)} | ${fmt(median(mine.map((r) => r.rss_kb / 1024)))} | ${bad} |`);
  }
}

out.push('', 'NormBot against the floor and Bolt: the median of each round\'s ratio.', '');
out.push('| connections | build | requests/s / floor | requests/s / Bolt | p99 / floor | RSS / Bolt |', '| --- | --- | --- | --- | --- | --- |');
for (const c of levels) {
  for (const b of builds) {
    const rs = rounds.map((r) => ratios(r, b, c)).filter(Boolean);
    const m = (k) => fmt(median(rs.map((r) => r[k])), 2);
    out.push(`| ${c} | ${names[b]} | ${m('floor')} | ${m('bolt')} | ${m('p99')} | ${m('rss')} |`);
  }
}

const top = Math.max(...levels);
out.push('', `Each round at ${top} connections (target: >= 0.75, >= 1.5, <= 2.00, < 1.00):`, '');
out.push('| round | build | requests/s / floor | requests/s / Bolt | p99 / floor | RSS / Bolt | misses |', '| --- | --- | --- | --- | --- | --- | --- |');
for (const round of rounds) {
  for (const b of builds) {
    const r = ratios(round, b, top);
    if (r) out.push(`| ${round} | ${names[b]} | ${fmt(r.floor, 2)} | ${fmt(r.bolt, 2)} | ${fmt(r.p99, 2)} | ${fmt(r.rss, 2)} | ${verdict(r).join(', ') || 'none'} |`);
  }
}

out.push('');
for (const b of builds) {
  const rs = rounds.map((r) => ratios(r, b, top)).filter(Boolean);
  const med = Object.fromEntries(['floor', 'bolt', 'p99', 'rss'].map((k) => [k, median(rs.map((r) => r[k]))]));
  const misses = verdict(med);
  out.push(`${names[b]} at c=${top}, medians of the rounds: ${misses.length ? 'target NOT met (' + misses.join(', ') + ')' : 'target met'}.`);
}
console.log(out.join('\n'));
