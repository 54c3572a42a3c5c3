import { launch, serveBuild } from './browser.js';
const server = await serveBuild('build', 0);
const browser = await launch();
const ctx = await browser.newContext({ serviceWorkers: 'block', javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
const page = await ctx.newPage();
await page.goto(server.url + (process.argv[2] ?? '/'));
const combos = await page.evaluate(() => {
  const m = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let n;
  while ((n = walker.nextNode())) {
    if (!n.textContent.trim()) continue;
    const el = n.parentElement; const cs = getComputedStyle(el);
    if (cs.display === 'none' || el.closest('details:not([open])') && !el.closest('summary')) continue;
    const k = `${cs.fontFamily.slice(0, 30)} | ${cs.fontSize} | ${cs.fontWeight} | ${cs.fontStyle}`;
    m.set(k, (m.get(k) ?? []).concat(el.tagName.toLowerCase() + '.' + (el.className?.baseVal ?? el.className).toString().slice(0, 20)));
  }
  return [...m].map(([k, v]) => [k, v.length, [...new Set(v)].slice(0, 4).join(' ')]);
});
for (const c of combos) console.log(c.join('  '));
await browser.close(); await server.close();
