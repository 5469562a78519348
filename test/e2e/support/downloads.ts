// What a downloaded file holds, checked without trusting our own writer: a PDF's header, title and page
// count, the entries of a zip (inflated with Node's zlib), and XML well-formedness by the browser's parser.
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** Clicks a control that downloads a file and returns the file's name and bytes. */
export async function download(page: Page, control: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), control.click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await pathOf(file)) };
}

async function pathOf(file: Download): Promise<string> {
  const path = await file.path();
  expect(path).toBeTruthy();
  return path;
}

/** The document title from a PDF's Info dictionary (pdfkit stores it as an indirect string object). */
export function pdfTitle(raw: string): string | null {
  const ref = /\/Title (\d+) 0 R/.exec(raw)?.[1];
  if (ref === undefined) return /\/Title \(([^)]*)\)/.exec(raw)?.[1] ?? null;
  return new RegExp(`\\n${ref} 0 obj\\n\\(([^)]*)\\)`).exec(raw)?.[1] ?? null;
}

export function pdfPageCount(raw: string): number {
  return (raw.match(/\/Type \/Page\b/g) ?? []).length;
}

/** The entries of a zip file, read from its local headers (stored or deflated; sizes in the header). */
export function unzip(bytes: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  let at = 0;
  while (bytes.readUInt32LE(at) === 0x04034b50) {
    const flags = bytes.readUInt16LE(at + 6);
    const method = bytes.readUInt16LE(at + 8);
    const size = bytes.readUInt32LE(at + 18);
    const nameLength = bytes.readUInt16LE(at + 26);
    const extraLength = bytes.readUInt16LE(at + 28);
    // Sizes after the data (bit 3) would need the central directory; our writer must not need that.
    expect(flags & 0x08, 'zip entry sizes in the local header').toBe(0);
    const name = bytes.toString('utf8', at + 30, at + 30 + nameLength);
    const start = at + 30 + nameLength + extraLength;
    const data = bytes.subarray(start, start + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at = start + size;
  }
  return files;
}

/** Parses XML with the browser's own parser; returns the parser's complaint, or null when well-formed. */
export async function xmlProblem(page: Page, xml: string): Promise<string | null> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return doc.getElementsByTagName('parsererror')[0]?.textContent ?? null;
  }, xml);
}
