/**
 * The HTML report in a real headless browser (Debian's `chromium`): it renders, its script runs
 * without console errors, the matrix shows every row and sorts and filters, and nothing outside
 * the file can be loaded. Skipped where /usr/bin/chromium is absent (CI installs it).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { auditCloudAssembly } from '../../lib/audit/audit';
import { formatHtml } from '../../lib/audit/format-html';
import { CHROMIUM, HeadlessChromium } from './headless-chromium';
import { FIXTURES, TODAY } from './template-builders';

const available = fs.existsSync(CHROMIUM);
const title = available
  ? 'html report in headless chromium'
  : `html report in headless chromium (skipped: ${CHROMIUM} is absent; install it with apt-get install chromium)`;
const browserTest = available ? test : test.skip;

jest.setTimeout(120_000);

describe(title, () => {
  let browser: HeadlessChromium;
  let session: string;
  let directory: string;
  const html = formatHtml(auditCloudAssembly(path.join(FIXTURES, 'central'), { today: TODAY }));

  beforeAll(async () => {
    if (!available) return;
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'lakemesh-report-'));
    fs.writeFileSync(path.join(directory, 'audit.html'), html);
    browser = await HeadlessChromium.launch();
    session = await browser.open(pathToFileURL(path.join(directory, 'audit.html')).href);
  });

  afterAll(async () => {
    await browser?.close();
  });

  const matrixColumn = (column: number) =>
    browser.evaluate<string[]>(
      session,
      `Array.from(document.querySelectorAll('#matrix tbody tr')).filter((row) => !row.hidden).map((row) => row.cells[${column}].textContent)`,
    );

  browserTest('renders with its script ready and no console error, exception or blocked load', async () => {
    expect(await browser.evaluate(session, `document.getElementById('report-status').dataset.state`)).toBe('ready');
    expect(await browser.evaluate(session, `document.getElementById('report-status').textContent`)).toBe('report ready: 5 rows');
    expect(browser.errors).toEqual([]);
  });

  browserTest('shows every row of the matrix, the mesh picture and the contract pages', async () => {
    expect(await matrixColumn(2)).toEqual([
      'arn:aws:iam::222222222222:role/sales-etl',
      'arn:aws:iam::444444444444:role/marketing-analyst',
      'arn:aws:iam::666666666666:role/finance-auditor',
      'arn:aws:iam::222222222222:role/sales-etl',
      'arn:aws:iam::444444444444:role/marketing-analyst',
    ]);
    const mesh = await browser.evaluate<{ width: number; height: number; labels: string[] }>(
      session,
      `(() => { const svg = document.querySelector('svg.mesh'); const box = svg.getBoundingClientRect();
        return { width: box.width, height: box.height, labels: Array.from(svg.querySelectorAll('g[class^="grant-"] text')).map((t) => t.textContent) }; })()`,
    );
    expect(mesh.width).toBeGreaterThan(500);
    expect(mesh.height).toBeGreaterThan(100);
    expect(mesh.labels).toEqual(['auditor', 'analyst']);
    expect(await browser.evaluate(session, `document.querySelectorAll('section.contract table.schema').length`)).toBe(2);
  });

  browserTest('sorts the matrix by the clicked column, and reverses on a second click', async () => {
    const clickHeader = (column: number) => browser.evaluate(session, `document.querySelectorAll('#matrix th button')[${column}].click()`);
    await clickHeader(2);
    expect(await matrixColumn(2)).toEqual([
      'arn:aws:iam::222222222222:role/sales-etl',
      'arn:aws:iam::222222222222:role/sales-etl',
      'arn:aws:iam::444444444444:role/marketing-analyst',
      'arn:aws:iam::444444444444:role/marketing-analyst',
      'arn:aws:iam::666666666666:role/finance-auditor',
    ]);
    expect(await browser.evaluate(session, `document.querySelectorAll('#matrix th')[2].getAttribute('aria-sort')`)).toBe('ascending');
    await clickHeader(2);
    expect((await matrixColumn(2))[0]).toBe('arn:aws:iam::666666666666:role/finance-auditor');
    expect(await browser.evaluate(session, `document.querySelectorAll('#matrix th')[2].getAttribute('aria-sort')`)).toBe('descending');
  });

  browserTest('filters the matrix by every word typed, and shows how many rows match', async () => {
    const type = (text: string) =>
      browser.evaluate(
        session,
        `(() => { const input = document.getElementById('matrix-filter'); input.value = ${JSON.stringify(text)}; input.dispatchEvent(new Event('input')); })()`,
      );
    await type('marketing REFUNDS');
    expect(await matrixColumn(1)).toEqual(['refunds']);
    expect(await browser.evaluate(session, `document.getElementById('matrix-count').textContent`)).toBe('1 of 5 rows');
    await type('');
    expect(await matrixColumn(1)).toHaveLength(5);
    expect(browser.errors).toEqual([]);
  });

  browserTest('takes a screenshot of the rendered page', async () => {
    const png = await browser.screenshot(session);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(20_000);
    fs.writeFileSync(path.join(directory, 'audit.png'), png);
  });

  browserTest('blocks anything the page would fetch and reports it (the check can fail)', async () => {
    // A loopback address on the discard port: even if the policy failed, no traffic would leave the machine.
    const tampered = html.replace('</main>', '<img alt="" src="http://127.0.0.1:9/pixel.png"></main>');
    fs.writeFileSync(path.join(directory, 'tampered.html'), tampered);
    const before = browser.errors.length;
    const tab = await browser.open(pathToFileURL(path.join(directory, 'tampered.html')).href);
    expect(await browser.evaluate(tab, `document.getElementById('report-status').dataset.state`)).toBe('error');
    expect(await browser.evaluate(tab, `document.getElementById('report-status').textContent`)).toContain('blocked http://127.0.0.1:9/pixel.png by img-src');
    expect(browser.errors.length).toBeGreaterThan(before);
  });

  browserTest('notices a script error on the page (the check can fail)', async () => {
    const broken = path.join(directory, 'broken.html');
    fs.writeFileSync(broken, '<!DOCTYPE html><title>x</title><script>console.error("boom"); null.property;</script>');
    const before = browser.errors.length;
    await browser.open(pathToFileURL(broken).href);
    expect(browser.errors.slice(before)).toEqual([
      'console.error: boom',
      expect.stringMatching(/^exception: TypeError: Cannot read properties of null \(reading 'property'\)/),
    ]);
  });
});
