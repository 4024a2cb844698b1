// Drives bindings-wasm/demo in a real browser (Debian chromium + playwright-core).
// Serves the repo root on 127.0.0.1 (random free port); saves test-output/wasm-demo.png.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, normalize, extname, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import * as H from '../csv-helpers.mjs';

const root = normalize(join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..'));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8', '.css': 'text/css' };

const server = createServer(async (req, res) => {
  try {
    const path = normalize(join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    if (!path.startsWith(root)) throw new Error('outside');
    const body = await readFile(path);
    res.writeHead(200, { 'content-type': TYPES[extname(path)] || 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end('not found');
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;

const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
assert.ok(existsSync(executablePath), `no browser at ${executablePath}`);
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const failures = [];
const check = async (name, fn) => {
  try {
    await fn();
    console.log(`ok - ${name}`);
  } catch (e) {
    failures.push(name);
    console.log(`not ok - ${name}\n  ${String(e.message).split('\n').join('\n  ')}`);
  }
};

try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${base}/bindings-wasm/demo/index.html`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  const area = page.getByLabel('用房面积（平方米）', { exact: true });
  const grade = () => page.locator('#grade').getAttribute('data-grade');
  const scoreNow = async () => Number(await page.locator('#score').textContent());

  await check('empty form shows field-level errors, no score', async () => {
    assert.equal(await page.locator('#score').textContent(), '—');
    assert.ok(await page.locator('#general-errors .error, .msg .error').count() >= 1);
    assert.match(await page.locator('#score-detail').textContent(), /错误/);
  });

  let before;
  await check('载入示例 fills a valid office and shows score and grade', async () => {
    await page.getByRole('button', { name: '载入示例' }).click();
    await page.waitForFunction(() => document.querySelector('#score').textContent !== '—');
    assert.equal(await area.inputValue(), '150');
    assert.equal(await page.locator('#units tbody tr').count(), 3);
    assert.equal(await page.locator('.msg .error').count(), 0, 'no validation errors');
    before = { grade: await grade(), score: await scoreNow() };
    assert.ok(['exemplary', 'compliant'].includes(before.grade), `grade ${before.grade}`);
    assert.ok(before.score > 0 && before.score <= 100);
  });

  await check('用房面积 110 → t13-total-area problem beside the field and in the list; grade drops', async () => {
    await area.fill('110');
    const item = page.locator('#problems li[data-rule="t13-total-area"]');
    await item.waitFor();
    assert.match(await item.locator('.clause').textContent(), /13/);
    assert.ok((await item.locator('.quote').textContent()).includes('120'));
    assert.ok(await page.locator('[data-msg-for="/support/premises/total_area_m2"] [data-rule="t13-total-area"]').count() === 1);
    const after = { grade: await grade(), score: await scoreNow() };
    assert.ok(after.score < before.score, `score ${before.score} → ${after.score}`);
    const order = ['exemplary', 'compliant', 'basically_compliant', 'non_compliant', 'incomplete'];
    assert.ok(order.indexOf(after.grade) > order.indexOf(before.grade), `grade ${before.grade} → ${after.grade}`);
  });

  await mkdir(join(root, 'test-output'), { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(root, 'test-output', 'wasm-demo.png') });
  console.log('screenshot (110 m², scored): test-output/wasm-demo.png');

  await check('typing letters into a number field gives a type error beside it', async () => {
    const staff = page.getByLabel('在编在岗人员', { exact: true });
    await staff.fill('四');
    await page.locator('[data-msg-for="/staffing/staff"] .error').waitFor();
    await staff.fill('4');
    assert.equal(await page.locator('[data-msg-for="/staffing/staff"] .error').count(), 0);
  });

  await check('units table: add a row, a duplicate name is flagged on that row', async () => {
    await page.getByRole('button', { name: '添加一行' }).click();
    const row = page.locator('#units tbody tr').nth(3);
    await row.locator('[data-key="name"]').fill('永安里社区');
    await row.locator('[data-key="kind"]').selectOption('community');
    await page.locator('[data-msg-for^="/units/3"] .error').first().waitFor();
    await row.getByRole('button', { name: '删除' }).click();
    assert.equal(await page.locator('#units tbody tr').count(), 3);
  });

  const raw = '11010519491231002X';
  await check('an ID number in 备注 is flagged, shown masked, never echoed', async () => {
    await page.getByLabel('备注', { exact: true }).fill(`联系人${raw}`);
    const msg = page.locator('[data-msg-for="/notes"] .error');
    await msg.waitFor();
    const text = await msg.textContent();
    assert.ok(text.includes('1101**********002X'), text);
    const pageText = await page.evaluate(() => document.body.innerText);
    assert.ok(!pageText.includes(raw), 'raw ID number in page text');
    const html = await page.evaluate(() => document.body.innerHTML);
    assert.ok(!html.includes(raw), 'raw ID number in page markup');
    assert.equal(await page.locator('#score').textContent(), '—', 'not scored while invalid');
  });

  await check('uploading CSV files lists every bad cell, then fills the form with the record', async () => {
    const layout = createRequire(import.meta.url)('../../pkg-node/sifasuo_wasm.js').columns();
    const township = JSON.parse(await readFile(join(root, 'tests/examples/office-township-2023.json'), 'utf8'));
    const upload = (id, name, text) => page.setInputFiles(id, { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    await upload('#csv-units', 'units.csv', H.unitsCsv(layout, township));
    await upload('#csv-offices', 'offices.csv',
      H.officeCsv(layout, township, { 'support.premises.total_area_m2': '一百二十', 'office.district': '通州' }));
    const cell = H.letter(layout, 'offices', 'support.premises.total_area_m2') + '2';
    const item = page.locator(`#csv-errors li[data-cell="${cell}"]`);
    await item.waitFor();
    assert.match(await item.textContent(), /offices\.csv!\w+2 用房：用房面积（平方米）：应为数字/);
    assert.equal(await page.locator('#csv-errors li').count(), 2);
    await upload('#csv-offices', 'offices.csv', H.officeCsv(layout, township));
    await page.waitForFunction(() => document.querySelector('#csv-errors').children.length === 0);
    await page.waitForFunction(() => document.querySelector('#grade').dataset.grade === 'basically_compliant');
    assert.equal(await area.inputValue(), '110');
    assert.equal(await page.locator('#units tbody tr').count(), township.units.length);
    assert.match(await page.locator('#status').textContent(), /已读入1条记录，0行有误/);
    assert.ok(await page.locator('#problems li[data-rule="t13-total-area"]').count() === 1);
  });

  await check('no page errors', async () => {
    assert.deepEqual(errors, []);
  });

} finally {
  await browser.close();
  server.close();
}
if (failures.length) {
  console.log(`${failures.length} browser check(s) failed`);
  process.exit(1);
}
console.log('browser checks passed');
