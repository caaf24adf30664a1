import { execFileSync, spawn } from 'node:child_process';
const port = 7411;
const server = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 300));
const mod = await import(process.argv[2]);
const made = await mod.rateLimiter({ port, limit: 1e9, intervalMs: 1000, ...JSON.parse(process.argv[3]) });
async function drive(count, concurrency, call) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => { while (next < count) { const i = next++; await call(i); } }));
}
const keyOf = (i) => `key-${Math.floor(i / 20000)}-${(i * 7919) % 10000}`;
for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++) {
  const cpu = process.cpuUsage(); const t = performance.now();
  await drive(20000, 50, (i) => made.consume(keyOf(i + round * 20000)));
  const c = process.cpuUsage(cpu); const s = (performance.now() - t) / 1000;
  console.log(`round ${round}: ${(20000 / s) | 0} ops/s, client CPU ${((c.user + c.system) / 20000).toFixed(1)} µs/op`);
}
console.log(execFileSync("redis-cli", ["-p", String(port), "info", "commandstats"]).toString().split("\n").filter(l => /evalsha/.test(l)).join("")); await made.close(); server.kill();
const runs = globalThis.__runs ?? [];
const hist = new Map(); for (const [n, f] of runs) { const k = `${Math.min(n, 60) - (Math.min(n,60) % 5)}/${f}`; hist.set(k, (hist.get(k) ?? 0) + 1); }
console.log('runs', runs.length, [...hist].sort((a,b)=>b[1]-a[1]).slice(0, 15));
let gaps = []; for (let i = 1; i < runs.length; i++) gaps.push(runs[i][2] - runs[i-1][2]); gaps.sort((a,b)=>a-b);
console.log('gap p50', gaps[gaps.length >> 1]?.toFixed(3), 'p90', gaps[Math.floor(gaps.length*0.9)]?.toFixed(3));
const lat = (globalThis.__lat ?? []).sort((a, b) => a - b);
console.log('run latency p50', lat[lat.length >> 1]?.toFixed(3), 'p90', lat[Math.floor(lat.length * 0.9)]?.toFixed(3));
const ev = globalThis.__ev ?? []; const base = ev[3000]?.[1] ?? 0;
console.log(ev.slice(3000, 3030).map(([k, t, n]) => `${k} ${((t - base) * 1000).toFixed(0)}${n ? ' n=' + n : ''}`).join('\n'));
