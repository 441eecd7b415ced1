/**
 * --fix keeps what belongs to the file: its other names (hard links) and, written in place, its owner; temporary
 * copies left by a killed run (named .NAME.PID.HEX.report-lint.tmp) are removed by the next run.
 */
import { spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, tempFolder } from '../support/cli.js';
import { sample } from '../support/reports.js';

let dir: string;
let done: () => void;
beforeAll(() => ({ dir, done } = tempFolder()));
afterAll(() => done());

const TYPO = sample('made/label-variant--2021-tab.txt');

function fix(file: string) {
  return spawnSync(process.execPath, [BIN, '--fix', file], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
}

test('a hard-linked report is fixed in place: both names show the fixed text, still one file', () => {
  const a = join(dir, 'a.txt');
  const b = join(dir, 'b.txt');
  writeFileSync(a, TYPO);
  linkSync(a, b);
  const r = fix(a);
  expect(r.status).toBe(0);
  const after = readFileSync(a, 'utf8');
  expect(after).not.toBe(TYPO);
  expect(readFileSync(b, 'utf8')).toBe(after);
  expect(statSync(a).ino).toBe(statSync(b).ino);
  expect(statSync(a).nlink).toBe(2);
});

test('temporary copies left by a killed run are removed by the next --fix of the file; those of running processes stay', () => {
  const sub = join(dir, 'stale');
  mkdirSync(sub, { recursive: true });
  const f = join(sub, 'r.txt');
  writeFileSync(f, TYPO);
  // a pid that is not running (above the kernel's pid_max), and this test's own process, which is running
  const dead = `.r.txt.4194305.0badc0de.report-lint.tmp`;
  const live = `.r.txt.${process.pid}.0badc0de.report-lint.tmp`;
  writeFileSync(join(sub, dead), 'half');
  writeFileSync(join(sub, live), 'being written');
  expect(fix(f).status).toBe(0);
  expect(readdirSync(sub).sort()).toEqual([live, 'r.txt'].sort());
});
