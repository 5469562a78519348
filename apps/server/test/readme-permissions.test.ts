// The README's permission table must say exactly what the code enforces: parsed here and compared with
// the domain's permission table, cell by cell, including where a coordinator is limited to their centre.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { centreScope, can, permissions, roles, type Permission, type Role } from '@trialdesk/domain';
import { describe, expect, it } from 'vitest';

const readme = fs.readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');

function permissionTableOf(markdown: string): { header: string[]; rows: string[][] } {
  const section = markdown.split(/^## /m).find((s) => s.startsWith('Roles and permissions'));
  if (!section) throw new Error('README has no "Roles and permissions" section');
  const lines = section.split('\n').filter((l) => l.trim().startsWith('|'));
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim());
  const [header, separator, ...rows] = lines.map(cells);
  if (!header || !separator) throw new Error('README permission table is incomplete');
  expect(separator.every((c) => /^:?-+:?$/.test(c))).toBe(true);
  return { header, rows };
}

const code = (cell: string | undefined) => /^`([^`]+)`$/.exec(cell ?? '')?.[1];

/** Every difference between the README table and the code, in words. */
function mismatchesOf(markdown: string): string[] {
  const { header, rows } = permissionTableOf(markdown);
  const roleColumns = new Map<Role, number>();
  header.forEach((cell, i) => {
    const name = code(cell);
    if (name && (roles as readonly string[]).includes(name)) roleColumns.set(name as Role, i);
  });
  const out: string[] = [];
  const missingRoles = roles.filter((r) => !roleColumns.has(r));
  if (missingRoles.length) out.push(`no column for ${missingRoles.join(', ')}`);
  const listed = rows.map((r) => code(r[0]));
  for (const p of permissions) if (!listed.includes(p)) out.push(`no row for ${p}`);
  for (const p of listed)
    if (!(permissions as readonly (string | undefined)[]).includes(p)) out.push(`unknown row ${p}`);
  for (const row of rows) {
    const permission = code(row[0]) as Permission;
    for (const [role, column] of roleColumns) {
      const cell = row[column] ?? '';
      const granted = cell.startsWith('✓');
      const ownCentre = /own centre/.test(cell);
      if (!granted && cell !== '—') out.push(`${permission}/${role}: unreadable cell "${cell}"`);
      if (granted !== can(role, permission))
        out.push(`${permission}/${role}: README ${granted ? 'grants' : 'refuses'}`);
      const scoped = can(role, permission) && centreScope({ role, centre: 'X' }, permission) !== null;
      if (ownCentre !== scoped)
        out.push(`${permission}/${role}: "own centre" ${ownCentre ? 'wrong' : 'missing'}`);
    }
  }
  return out;
}

describe('README "Roles and permissions"', () => {
  it('matches permissionTable cell by cell, centre-bound cells included', () => {
    expect(mismatchesOf(readme)).toEqual([]);
  });

  it('would notice a drift', () => {
    const row = (p: string) => readme.split('\n').find((l) => l.startsWith(`| \`${p}\``)) ?? '';
    const userManage = row('user:manage');
    const participantRead = row('participant:read');
    // The steering committee given user management; the coordinator's centre limit dropped.
    const drifted = readme
      .replace(userManage, userManage.replace(/\| —(\s+)\| —(\s+)\| —(\s+)\|/, '| —$1| —$2| ✓$3|'))
      .replace(participantRead, participantRead.replace('✓ own centre', '✓           '));
    expect(mismatchesOf(drifted)).toEqual([
      'participant:read/coordinator: "own centre" missing',
      'user:manage/steering: README grants',
    ]);
    const noMonitor = readme.replace('| `monitor` |', '| monitor   |');
    expect(mismatchesOf(noMonitor)).toContain('no column for monitor');
  });
});
