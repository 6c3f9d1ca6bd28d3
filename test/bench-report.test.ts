/** The CI gate of `npm run bench -- --check`: which rows fail it. */
import { describe, expect, it } from 'vitest';
import { failures, formatMarkdown, type SuiteReport } from '../bench/report';
import { judged, type Budget } from '../bench/types';

const report = (rows: SuiteReport['rows']): SuiteReport => ({ id: 'size', title: 'sizes', metric: '', baseline: '', checked: true, rows });
const sized = (kb: number, budget: Budget) => judged({ name: `entry ${kb}`, role: 'case', budget, measured: kb });

describe('bench --check', () => {
  it('fails a row over its budget, passes one within it', () => {
    expect(failures([report([sized(2.9, { op: '<=', value: 3, unit: 'KB' })])])).toEqual([]);
    expect(failures([report([sized(3.1, { op: '<=', value: 3, unit: 'KB' })])])).toEqual(['sizes: entry 3.1 (FAIL)']);
  });

  it('holds an open budget to its ceiling: FAIL is shown, --check fails only past the ceiling', () => {
    const open = sized(3.4, { op: '<=', value: 3, unit: 'KB', ceiling: 3.6 });
    expect(open.status).toBe('FAIL');
    expect(open.note).toContain('3.6 KB ceiling');
    expect(failures([report([open])])).toEqual([]);
    const regressed = sized(3.7, { op: '<=', value: 3, unit: 'KB', ceiling: 3.6 });
    expect(failures([report([regressed])])).toEqual(['sizes: entry 3.7 (FAIL)']);
    const throughput = judged({ name: 'ratio', role: 'case', budget: { op: '>=', value: 0.85, unit: 'x', ceiling: 0.5 }, measured: 0.4 });
    expect(failures([report([throughput])])).toEqual(['sizes: ratio (FAIL)']);
  });

  it('ignores unchecked suites and peers without a budget', () => {
    const unchecked = { ...report([sized(9, { op: '<=', value: 3, unit: 'KB' })]), checked: false };
    expect(failures([unchecked, report([{ name: 'peer', role: 'peer', status: 'info' }])])).toEqual([]);
  });

  it('labels peers and references apart from payweave cases in the README table', () => {
    const rows = formatMarkdown([report([sized(2.9, { op: '<=', value: 3, unit: 'KB' }), { name: 'sdk', role: 'peer', status: 'info' }, { name: 'durable write', role: 'ref', status: 'info' }])]).split('\n');
    expect(rows[3]).toMatch(/^\| \| entry 2\.9 \|/);
    expect(rows[4]).toMatch(/^\| \| peer: sdk \|/);
    expect(rows[5]).toMatch(/^\| \| reference: durable write \|/);
  });
});
