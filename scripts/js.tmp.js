import { chromium } from '@playwright/test';
import fs from 'node:fs';
import zlib from 'node:zlib';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
const js = new Set();
page.on('request', (r) => { if (r.url().endsWith('.js')) js.add(new URL(r.url()).pathname); });
await page.goto('http://127.0.0.1:4301/');
await page.waitForFunction(() => performance.getEntriesByName('data-ready').length, null, { timeout: 60000 });
let total = 0;
const rows = [];
for (const p of js) { const b = fs.readFileSync('build' + p); const gz = zlib.gzipSync(b).length; total += gz; const head = b.toString('utf8', 0, 20000); rows.push([gz, p, (head.match(/@observablehq|d3-|svelte|arquero|apache-arrow|duckdb|intl/gi) || []).slice(0,3).join(',')]); }
rows.sort((a, b) => b[0] - a[0]);
for (const r of rows) console.log(String(r[0]).padStart(7), r[1], r[2]);
console.log('total gzip', total);
await browser.close();
