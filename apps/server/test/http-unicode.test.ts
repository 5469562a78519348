// Text that is not well-formed Unicode is refused at the HTTP edge wherever it is: a JSON string value or
// key with a lone surrogate escape, raw bytes that are not UTF-8, a query parameter (a GET's tRPC input or
// any other). The outside probe's case — a void reason "typo \ud800 fixed" — must answer 400 and leave the
// database and its audit chain as they were.
import { verifyAuditChain } from '@trialdesk/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './serve.js';

let s: TestServer;
let coord: string;
let pi: string;
beforeAll(async () => {
  s = await startServer();
  [coord, pi] = await Promise.all([s.login('coord-emc'), s.login('pi')]);
});
afterAll(() => s.close());

const auditRows = async () => Number((await s.row<{ n: number }>('SELECT COUNT(*) AS n FROM audit_log'))?.n);

function rawPost(procedure: string, body: string | Buffer, cookie: string) {
  return fetch(`${s.url}/trpc/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: s.url, cookie },
    body,
  });
}

async function expectUnicodeRefusal(res: Response) {
  expect(res.status, await res.clone().text()).toBe(400);
  const body = (await res.json()) as { error: { key: string; message: string } };
  expect(body.error.key).toBe('http.unicode');
  expect(body.error.message).toMatch(/not valid (Unicode|UTF-8)/);
}

describe('ill-formed text over HTTP', () => {
  it('a lone surrogate in a reason, a filter or a key is refused and nothing is written', async () => {
    const before = await auditRows();
    const target = '{"record":"participant","studyId":"PUMP3-EMC-001"}';
    for (const escape of ['\\ud800', '\\udfff', '\\udbff\\u0041']) {
      await expectUnicodeRefusal(
        await rawPost(
          'entry.corrections.void',
          `{"trialId":"pump-iii","target":${target},"reason":"typo ${escape} fixed"}`,
          coord,
        ),
      );
      await expectUnicodeRefusal(await rawPost('audit.exportCsv', `{"participant":"PUMP3${escape}"}`, pi));
      await expectUnicodeRefusal(
        await rawPost(
          'trials.setTarget',
          `{"trialId":"pump-iii","target":99,"reason":"ok","x${escape}":1}`,
          pi,
        ),
      );
    }
    // A batch: one bad call refuses the whole request.
    await expectUnicodeRefusal(
      await rawPost('audit.exportCsv,audit.exportCsv?batch=1', '{"0":{},"1":{"username":"\\ud800"}}', pi),
    );
    expect(await auditRows()).toBe(before);
    expect(await verifyAuditChain(s.open.db)).toMatchObject({ ok: true });
  });

  it('bytes that are not UTF-8 are refused, not turned into U+FFFD', async () => {
    const before = await auditRows();
    const body = Buffer.concat([
      Buffer.from('{"trialId":"artery-2","screeningDate":"2026-11-20","outcome":"other","reason":"bad '),
      Buffer.from([0xff, 0xfe, 0xed, 0xa0, 0x80]),
      Buffer.from('"}'),
    ]);
    await expectUnicodeRefusal(await rawPost('entry.screening.record', body, coord));
    expect(await auditRows()).toBe(before);
  });

  it('query strings: a GET input with a lone surrogate, or percent-encoding that is not UTF-8', async () => {
    const get = (query: string) => fetch(`${s.url}/trpc/audit.list?${query}`, { headers: { cookie: pi } });
    await expectUnicodeRefusal(await get(`input=${encodeURIComponent('{"participant":"\\ud800"}')}`));
    await expectUnicodeRefusal(await get('input=%7B%7D&x=%ED%A0%80'));
    await expectUnicodeRefusal(await get('input=%FF'));
    const fine = await get(`input=${encodeURIComponent('{"participant":"PUMP3-EMC-001"}')}`);
    expect(fine.status).toBe(200);
  });

  it('well-formed text is stored in NFC, whatever the keyboard sent', async () => {
    const res = await s.post(
      'entry.screening.record',
      { trialId: 'artery-2', screeningDate: '2026-11-20', outcome: 'other', reason: 'Cafe\u0301 😀 patiënt' },
      { cookie: coord },
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const row = await s.row<{ reason: string }>('SELECT reason FROM screenings ORDER BY id DESC LIMIT 1');
    expect(row?.reason).toBe('Caf\u00e9 😀 patiënt');
    expect(await verifyAuditChain(s.open.db)).toMatchObject({ ok: true });
  });
});
