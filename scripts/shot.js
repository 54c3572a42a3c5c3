// Screenshots for looking at the build: node scripts/shot.js /path [width] [out.png] [lang]
import { launch, serveBuild } from './browser.js';

const [path = '/', width = '1280', out = '/tmp/shot.png', lang = ''] = process.argv.slice(2);
const server = await serveBuild();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
page.on('pageerror', (e) => console.log('page error:', e.message));
if (lang) await page.addInitScript((l) => localStorage.setItem('oap.locale', l), lang);
await page.goto(server.url + path);
await page.waitForFunction(() => performance.getEntriesByName('data-ready').length > 0, null, { timeout: 30000 }).catch(() => console.log('data not ready'));
await page.waitForSelector('[data-chart] svg, .error', { timeout: 10000 }).catch(() => console.log('no chart'));
await page.waitForTimeout(800);
await page.waitForTimeout(500);
// CLIP=y,height takes one band of the full page, to look at it closely.
const clip = process.env.CLIP?.split(',').map(Number);
if (clip) await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: clip[0], width: Number(width), height: clip[1] } });
else await page.screenshot({ path: out, fullPage: process.env.FULL !== '0' });
console.log(await page.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name}=${Math.round(m.startTime)}`).join(' ')));
await browser.close();
await server.close();
