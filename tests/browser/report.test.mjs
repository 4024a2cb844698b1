// Renders the HTML report of the bundled sample in headless Chromium, to PNG and PDF, and checks
// that the page is not blank and names every district. Run: SIFASUO_REPORT=path node --test
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const reportPath = resolve(process.env.SIFASUO_REPORT ?? resolve(root, 'test-output', 'report.html'));
const outDir = resolve(root, 'test-output');
const DISTRICTS = ['东城区', '西城区', '朝阳区', '丰台区', '石景山区', '海淀区', '门头沟区', '房山区', '通州区',
  '顺义区', '昌平区', '大兴区', '怀柔区', '平谷区', '密云区', '延庆区', '北京经济技术开发区'];

const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

test('the report renders to PNG and PDF, is not blank and names every district', async () => {
  assert.ok(existsSync(reportPath), `run sifasuo report first: ${reportPath} is missing`);
  const html = readFileSync(reportPath, 'utf8');
  assert.ok(!/<script/i.test(html), 'no scripts in the report');
  assert.ok(!/(src|href)\s*=\s*["']?https?:/i.test(html), 'no external resources');
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath, args });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests = [];
    page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
    await page.goto(pathToFileURL(reportPath).href);
    const text = await page.evaluate(() => document.body.innerText);
    for (const d of DISTRICTS) assert.ok(text.includes(d), `${d} is not named`);
    assert.ok(text.includes('全市概况'), 'city overview');
    assert.equal(await page.locator('svg rect').count() > 20, true, 'the grade chart has bars');
    assert.deepEqual(requests, [], 'no network requests');

    const png = await page.screenshot({ fullPage: false });
    writeFileSync(resolve(outDir, 'report.png'), png);
    // count pixels that are not white: a blank page has none
    const nonWhite = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + b64;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width; c.height = img.height;
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240) n++;
      return n / (c.width * c.height);
    }, png.toString('base64'));
    assert.ok(nonWhite > 0.02, `the screenshot is nearly blank (${(nonWhite * 100).toFixed(2)}% ink)`);

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(resolve(outDir, 'report.pdf'), pdf);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.ok(pdf.length > 20_000, `PDF too small: ${pdf.length} bytes`);
  } finally {
    await browser.close();
  }
});
