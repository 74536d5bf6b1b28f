// `npm run screenshot [-- REPORT.html [OUT.png]]`: opens an HTML report in headless Chromium (offline: the
// report loads nothing) and saves a screenshot, by default of Lowe's attack drawn as a sequence chart.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The Chromium binary on PATH (Debian's `chromium`), or undefined. */
export function findChromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const found = spawnSync('which', [name], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim() !== '') return found.stdout.trim();
  }
  return undefined;
}

/** Screenshots `html` into `png` with the browser's network disabled; throws with Chromium's output on failure. */
export function screenshot(chromium: string, html: string, png: string, size = '1100,900'): void {
  execFileSync(
    chromium,
    // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start. The proxy flags keep it offline.
    ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--proxy-server=127.0.0.1:9', '--proxy-bypass-list=<-loopback>', `--window-size=${size}`, `--screenshot=${png}`, pathToFileURL(html).href],
    { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 },
  );
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const chromium = findChromium();
  if (chromium === undefined) {
    process.stderr.write('screenshot: no Chromium on PATH (Debian: apt-get install -y chromium)\n');
    process.exit(2);
  }
  let html = process.argv[2];
  if (html === undefined) {
    const out = mkdtempSync(join(tmpdir(), 'trecheck-screenshot-'));
    // Exit code 1 is expected: the attack is found.
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'explore', 'needham-schroeder', '--property', 'ResponderAgreesWithInitiator', '--workers', '1', '--out', out, '--format', 'html', '--no-baseline'], { stdio: 'ignore' });
    html = join(out, 'report.html');
  }
  const png = process.argv[3] ?? join('reports', 'latest', 'report.png');
  if (!existsSync(html)) {
    process.stderr.write(`screenshot: ${html} does not exist\n`);
    process.exit(2);
  }
  mkdirSync(dirname(png), { recursive: true });
  screenshot(chromium, html, png);
  process.stdout.write(`wrote ${png}\n`);
}
