// pdfkit's Node build loads the metrics of its 14 standard fonts lazily with
// `createRequire(import.meta.url)('#standard-fonts/Helvetica')`, a package-internal import that only
// resolves from pdfkit's own folder. Once the server is bundled into apps/server/dist that request has
// nowhere to resolve and every PDF fails. The metrics are also published as ordinary subpath exports,
// which a bundler includes: this module imports the three fonts the report uses and answers pdfkit's
// request for them from memory, so the PDF works the same bundled and unbundled.
// The web app type-checks the API through its router type, so the declaration travels with this file.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient module declaration
/// <reference path="./pdfkit-standard-fonts.d.ts" />
import Module from 'node:module';
import Courier from 'pdfkit/standard-fonts/Courier';
import Helvetica from 'pdfkit/standard-fonts/Helvetica';
import HelveticaBold from 'pdfkit/standard-fonts/HelveticaBold';

const FONTS: Readonly<Record<string, unknown>> = {
  '#standard-fonts/Courier': Courier,
  '#standard-fonts/Helvetica': Helvetica,
  '#standard-fonts/HelveticaBold': HelveticaBold,
};

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
const loader = Module as unknown as { _load: Load };
const FLAG = Symbol.for('trialdesk.pdfkit-standard-fonts');

/** Installs the answer once per process; other requests go to Node's loader untouched. */
export function provideStandardFonts(): void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[FLAG]) return;
  g[FLAG] = true;
  const original = loader._load;
  loader._load = function (request, parent, isMain) {
    const font = FONTS[request];
    return font !== undefined ? font : original.call(this, request, parent, isMain);
  };
}
