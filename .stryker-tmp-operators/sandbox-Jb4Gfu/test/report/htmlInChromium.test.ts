// The HTML report opened in headless Chromium: it renders offline, and the screenshot shows the sequence
// chart (the attacker's red steps are there in pixels, not only in the markup). Skips, saying so, without Chromium.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/main.ts';
import { findChromium, screenshot } from '../../scripts/screenshotReport.ts';

const chromium = findChromium();
if (chromium === undefined) console.warn('htmlInChromium: SKIPPED, no Chromium on PATH (Debian: apt-get install -y chromium; .ci/run installs it)');

/** Pixels of an 8-bit RGB(A) PNG, non-interlaced, as Chromium writes screenshots (filters undone). */
function pixels(png: Buffer): { width: number; height: number; channels: number; data: Uint8Array } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const channels = png[25] === 6 ? 4 : 3;
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const data = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? data[y * stride + x - channels]! : 0;
      const b = y > 0 ? data[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? data[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      data[y * stride + x] = (v + predictor) & 0xff;
    }
  }
  return { width, height, channels, data };
}

describe.skipIf(chromium === undefined)('the HTML report in headless Chromium', () => {
  it('renders the attack as a sequence chart: the screenshot has the attacker\'s red arrows', async () => {
    const out = mkdtempSync(join(tmpdir(), 'trecheck-html-'));
    const r = await runCliCaptured(['explore', 'needham-schroeder', '--property', 'ResponderAgreesWithInitiator', '--workers', '1', '--out', out, '--format', 'html', '--no-baseline']);
    expect(r.code).toBe(1);
    const png = join(out, 'report.png');
    screenshot(chromium!, join(out, 'report.html'), png);
    const { width, height, channels, data } = pixels(readFileSync(png));
    expect([width, height]).toEqual([1100, 900]);
    // The attacker's steps are drawn in #dc2626 and nothing else on the page is (the legend is a darker red).
    let red = 0;
    for (let i = 0; i < data.length; i += channels) if (Math.abs(data[i]! - 0xdc) < 12 && Math.abs(data[i + 1]! - 0x26) < 20 && Math.abs(data[i + 2]! - 0x26) < 20) red++;
    console.log(`htmlInChromium: ${red} pixels of the attacker's red`);
    expect(red).toBeGreaterThan(400);
  }, 90_000);
});
