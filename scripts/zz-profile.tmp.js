import { launch, serveBuild } from './browser.js';
const server = await serveBuild();
const browser = await launch();
const ctx = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
const page = await ctx.newPage();
await page.addInitScript(() => localStorage.setItem('oap.bench', '1'));
await page.goto('/data');
await page.waitForFunction(() => Number(document.querySelector('[data-testid="rows-indicator_values"]')?.textContent.replace(/\D/g, '')) > 0, null, { timeout: 120_000 });
await page.locator('[data-testid="mode-replace"]').check();
await page.locator('[data-testid="file-input"]').setInputFiles(['/tmp/oap-bench-files/bench-indicators.csv', '/tmp/oap-bench-files/values-1m.csv']);
await page.locator('[data-testid="load-outcomes"]').waitFor({ timeout: 300000 });
await page.waitForTimeout(3000);
for (const b of await page.locator('[data-testid="load-outcomes"] button').all()) console.log('button', await b.textContent());
console.log(await page.locator('[data-testid="load-outcomes"]').textContent());
await page.goto('/');
await page.waitForFunction(() => document.querySelector('[data-testid="view-state"]')?.getAttribute('data-state') === 'live', null, { timeout: 300_000 });
await page.waitForTimeout(1500);
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const opts = await page.locator('[data-testid="year"] option').evaluateAll((os) => os.map((o) => o.value));
const t0 = Date.now();
for (let i = 0; i < 8; i++) {
	await page.selectOption('[data-testid="year"]', opts[i % 2 ? opts.length - 1 : opts.length - 2]);
	await page.waitForTimeout(600);
}
const { profile } = await cdp.send('Profiler.stop');
console.log('wall', Date.now() - t0);
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas;
const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
for (const [id, us] of counts) {
	const n = byId.get(id);
	const f = n.callFrame;
	const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
	self.set(key, (self.get(key) ?? 0) + us);
}
for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((us / 1000).toFixed(1).padStart(8), 'ms', k);
await browser.close();
await server.close();
