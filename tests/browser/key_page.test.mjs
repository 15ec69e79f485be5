// The HTML answer key in a real browser: Debian's Chromium, driven by playwright-core.
// Usage: node key_page.test.mjs HANDCHECK_BINARY SOURCE_DIR BUILD_DIR
// Never downloads a browser; a missing Chromium or playwright-core is a failure, not a skip.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

function die(message) {
  console.error(`browser test: ${message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const [binary, sourceDir, buildDir] = process.argv.slice(2);
if (!binary || !sourceDir || !buildDir) die('usage: node key_page.test.mjs HANDCHECK_BINARY SOURCE_DIR BUILD_DIR');
if (!fs.existsSync(CHROMIUM))
  die(`${CHROMIUM} is missing: install Debian's chromium (scripts/install-deps.sh test)`);
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (e) {
  die(`playwright-core is not installed (${e.code || e.message}): run npm ci --prefix tests/browser ` +
      '(scripts/install-deps.sh test does)');
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'handcheck-browser-'));
const seed = path.join(sourceDir, 'cases', 'self-attention-6-3.yaml');

function key(casePath, format, out) {
  execFileSync(binary, ['key', casePath, '--format', format, '-o', out], { stdio: ['ignore', 'inherit', 'inherit'] });
  return out;
}

const seedHtml = key(seed, 'html', path.join(work, 'seed.html'));
const seedKey = JSON.parse(fs.readFileSync(key(seed, 'json', path.join(work, 'seed.json')), 'utf8'));

// The same worksheet with markup in its title and in an explanation: it must show as text.
const payload = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">';
let hostile = fs.readFileSync(seed, 'utf8');
for (const [from, to] of [
  ['title: Self-attention, a 6-3 attention head', `title: '${payload}'`],
  ['[2] Multiply the features by the query matrix', `${payload} Multiply the features by the query matrix`],
]) {
  assert.ok(hostile.includes(from), `seed case no longer contains: ${from}`);
  hostile = hostile.replace(from, to);
}
fs.writeFileSync(path.join(work, 'hostile.yaml'), hostile);
const hostileHtml = key(path.join(work, 'hostile.yaml'), 'html', path.join(work, 'hostile.html'));

const context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
  executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1200, height: 900 },
});
const page = context.pages()[0] || await context.newPage();
const problems = [];
page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
page.on('request', (r) => { if (!r.url().startsWith('file:')) problems.push(`network request: ${r.url()}`); });

let passed = 0, failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}\n  ${String(e.stack || e).split('\n').join('\n  ')}`);
  }
}

const stepName = () => page.$eval('.step', (s) => s.dataset.step);
const stepIndex = () => page.textContent('#step-index');
async function cellsOf(name) {
  return page.$$eval(`.step[data-step="${name}"] td.cell`, (tds) => tds.map((td) => ({
    row: Number(td.dataset.row), col: Number(td.dataset.col), shown: td.querySelector('.v').textContent,
    hand: td.dataset.hand, exact: td.dataset.exact, cls: td.className, title: td.title,
  })));
}
async function goTo(name) {
  const target = seedKey.steps.findIndex((s) => s.name === name);
  await page.click(`nav#steps button:nth-child(${target + 1})`);
  assert.equal(await stepName(), name);
}
// |a - b| <= 10^-5 |b|: a six-digit rounding of b.
const roundsTo = (shortText, full) =>
  Math.abs(Number(shortText.replace('…', '')) - Number(full)) <= 1e-5 * Math.max(Math.abs(Number(full)), 1e-300);

await page.goto(pathToFileURL(seedHtml).href);

await check('starts at the first input and shows every step in order', async () => {
  assert.equal(await stepName(), seedKey.steps[0].name);
  assert.equal(await stepIndex(), `1 / ${seedKey.steps.length}`);
  assert.equal(await page.getAttribute('#prev', 'disabled'), '');
});

await check('a fragment names the first step; a malformed one still shows the page', async () => {
  // A new load each time: a fragment alone changed on the same page does not reload it.
  await page.goto('about:blank');
  await page.goto(pathToFileURL(seedHtml).href + '#S');
  assert.equal(await stepName(), 'S');
  const before = problems.length;
  // decodeURIComponent throws on these: the page must start at the first step regardless.
  for (const bad of ['%E0%A4%A', '%', '%zz', 'S%']) {
    await page.goto('about:blank');
    await page.goto(pathToFileURL(seedHtml).href + '#' + bad);
    assert.equal(await stepName(), seedKey.steps[0].name, `#${bad}`);
    assert.ok((await page.$$('.step td.cell')).length > 0, `#${bad}: no cells shown`);
  }
  assert.equal(problems.length, before, `page errors: ${problems.slice(before).join('; ')}`);
  await page.goto(pathToFileURL(seedHtml).href);
});

await check('every step shows the hand values of the JSON key (stepping with ArrowRight)', async () => {
  for (let i = 0; i < seedKey.steps.length; i++) {
    const s = seedKey.steps[i];
    assert.equal(await stepName(), s.name);
    assert.equal(await stepIndex(), `${i + 1} / ${seedKey.steps.length}`);
    const cells = await cellsOf(s.name);
    assert.equal(cells.length, s.shape[0] * s.shape[1], `${s.name}: cell count`);
    for (const c of cells) {
      assert.equal(c.shown, s.hand[c.row - 1][c.col - 1], `${s.name}[${c.row},${c.col}] shown`);
      assert.equal(c.exact, s.exact[c.row - 1][c.col - 1], `${s.name}[${c.row},${c.col}] exact`);
    }
    const explain = await page.textContent('#explain');
    if (s.explain) assert.equal(explain, s.explain, `${s.name}: explanation`);
    if (i + 1 < seedKey.steps.length) await page.keyboard.press('ArrowRight');
  }
  assert.equal(await page.getAttribute('#next', 'disabled'), '');
});

await check('ArrowLeft steps back and ArrowRight forward', async () => {
  await goTo('S');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await stepName(), 'V');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await stepName(), 'K');
  await page.keyboard.press('ArrowRight');
  assert.equal(await stepName(), 'V');
  await page.click('#next');
  assert.equal(await stepName(), 'S');
  await page.click('#prev');
  assert.equal(await stepName(), 'V');
});

await check('Space plays and pauses', async () => {
  await goTo('Q');
  await page.focus('#next');  // Space on a focused button must not toggle twice
  await page.keyboard.press('Space');
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'true');
  await page.keyboard.press('Space');
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'false');
});

await check('play advances and pause stops', async () => {
  await goTo('WK');
  await page.selectOption('#speed', '500');
  await page.click('#play');
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'true');
  await page.waitForFunction(() => document.querySelector('.step').dataset.step !== 'WK', null, { timeout: 5000 });
  await page.waitForFunction(() => !['WK', 'WV'].includes(document.querySelector('.step').dataset.step), null, { timeout: 5000 });
  await page.click('#play');
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'false');
  const at = await stepName();
  await page.waitForTimeout(1600);
  assert.equal(await stepName(), at, 'still advancing after pause');
});

await check('the switch shows certified exact values', async () => {
  await goTo('A');
  await page.click('#mode');
  assert.equal(await page.getAttribute('#mode', 'aria-pressed'), 'true');
  const a = seedKey.steps.find((s) => s.name === 'A');
  assert.equal(a.exact[0][0], '0.365189');
  for (const c of await cellsOf('A')) {
    assert.equal(c.exact, a.exact[c.row - 1][c.col - 1]);
    assert.ok(roundsTo(c.shown, c.exact), `A[${c.row},${c.col}]: ${c.shown} is not ${c.exact} to six digits`);
  }
  assert.equal((await cellsOf('A'))[0].shown, '0.365189…');
  await page.focus('.step[data-step="A"] td.cell[data-row="1"][data-col="1"]');
  assert.match(await page.textContent('#how'), /certified: 0\.365189(\s|$)/);
  await page.click('#mode');
  assert.equal(await page.getAttribute('#mode', 'aria-pressed'), 'false');
  assert.equal((await cellsOf('A'))[0].shown, '3/10');
});

await check('probability steps are drawn as heatmaps, hand and exact side by side', async () => {
  await goTo('A');
  const maps = await page.$$eval('.step .heatmap', (fs) => fs.map((f) => ({
    pipeline: f.dataset.pipeline, x: f.getBoundingClientRect().x, cells: f.querySelectorAll('td').length })));
  assert.deepEqual(maps.map((m) => m.pipeline), ['hand', 'exact']);
  assert.ok(maps[1].x > maps[0].x, 'exact heatmap beside the hand one');
  assert.equal(maps[0].cells, 16);
  await goTo('Z');
  assert.equal(await page.$$eval('.step .heatmap', (fs) => fs.length), 0);
});

await check('hovering a cell shows its dot product and lights the cells it reads', async () => {
  await goTo('Z');
  await page.hover('.step[data-step="Z"] td.cell[data-row="1"][data-col="1"]');
  const how = await page.textContent('#how');
  assert.ok(how.includes('V[1,2]·A[2,1] = 2·3/10 = 3/5'), how);
  assert.ok(how.includes('sum = 3/10 + 3/5 + 3/5 + 1/10'), how);
  assert.match(how, /= 8\/5/);
  const lit = await page.$$eval('.step td.ocell.hl', (tds) => tds.map((td) => `${td.closest('figure').dataset.name}[${td.dataset.row},${td.dataset.col}]`));
  assert.deepEqual(lit.sort(), ['A[1,1]', 'A[2,1]', 'A[3,1]', 'A[4,1]', 'V[1,1]', 'V[1,2]', 'V[1,3]', 'V[1,4]']);
  assert.equal(await page.$$eval('.step td.cell.active', (tds) => tds.length), 1);
  // Focus works as well as hover, and cells can be reached with Tab.
  assert.equal(await page.getAttribute('.step td.cell[data-row="2"][data-col="3"]', 'tabindex'), '0');
  await page.focus('.step td.cell[data-row="2"][data-col="3"]');
  assert.match(await page.textContent('#how'), /V\[2,1\]·A\[1,3\] = 2·3\/8 = 3\/4/);
});

await check('errata are marked with the expected value', async () => {
  await goTo('Q');
  const cells = await cellsOf('Q');
  const bad = cells.filter((c) => c.cls.split(' ').includes('erratum'));
  assert.deepEqual(bad.map((c) => [c.row, c.col]), [[3, 2]]);
  assert.match(bad[0].title, /should be 2/);
  assert.equal(await page.textContent('.step td.cell.erratum .s'), 'sheet: 1');
  assert.match(await page.textContent('#errata'), /q2 should be \[1, 1, 2\], not \[1, 1, 1\]/);
});

await check('the explanation stands beside the matrices at 1200px', async () => {
  await page.setViewportSize({ width: 1200, height: 900 });
  for (const name of ['Q', 'S_scaled', 'A', 'Z']) {
    await goTo(name);
    const m = await page.locator('.step figure.writes').boundingBox();
    const e = await page.locator('#explain').boundingBox();
    assert.ok(e.x >= m.x + m.width, `${name}: explanation at x=${e.x}, matrix ends at ${m.x + m.width}`);
    assert.ok(e.y < m.y + m.height, `${name}: explanation below the matrix`);
  }
  await goTo('Z');
  await page.hover('.step td.cell[data-row="1"][data-col="1"]');
  await page.screenshot({ path: path.join(buildDir, 'key-page-Z-1200.png'), fullPage: true });
});

await check('on a phone-width screen the explanation wraps below the matrices', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await goTo('A');
  const m = await page.locator('.step figure.writes').boundingBox();
  const e = await page.locator('#explain').boundingBox();
  assert.ok(m.height > 0 && m.width > 0, 'matrix is visible');
  assert.ok(e.y >= m.y + m.height, `explanation at y=${e.y}, matrix ends at ${m.y + m.height}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await page.screenshot({ path: path.join(buildDir, 'key-page-A-390.png'), fullPage: true });
  await page.setViewportSize({ width: 1200, height: 900 });
});

await check('the seed page logs no errors and fetches nothing', async () => {
  assert.deepEqual(problems, []);
});

await check('markup in the title and explanations is shown as text and runs nothing', async () => {
  await page.goto(pathToFileURL(hostileHtml).href);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined');
  assert.equal(await page.textContent('h1'), `Answer key: ${payload}`);
  assert.equal(await page.title(), `Answer key: ${payload}`);
  assert.equal(await page.$$eval('img', (i) => i.length), 0);
  assert.equal(await page.$$eval('script', (s) => s.length), 2);  // the data and the page's own
  await goTo('Q');
  assert.ok((await page.textContent('#explain')).startsWith(payload));
  for (let i = 0; i < seedKey.steps.length; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined');
  assert.deepEqual(problems, []);
});

await context.close();
fs.rmSync(work, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
