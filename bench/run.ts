/**
 * `npm run bench`: every suite, a table on stdout, JSON in bench/results/latest.json.
 *
 *   --quick            fewer, shorter rounds (a smoke run; figures are rougher)
 *   --only <regex>     suites whose id or title match (case-insensitive), e.g. --only 'size|import'
 *   --check            exit 1 when a checked budget FAILs: the size and cold-import budgets (stable enough for CI)
 *   --all              with --check, enforce the throughput budgets too
 *   --markdown         also print the table as Markdown (the README's Performance section)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { failures, formatMarkdown, formatTable, machine, type SuiteReport } from './report';
import { alipayAppSuite, alipayNotifySuite } from './suites/alipay';
import { appleSuite } from './suites/apple';
import { clientSizeSuite } from './suites/client-size';
import { coldImportSuite } from './suites/cold-import';
import { httpSuite } from './suites/http';
import { unionpaySuite } from './suites/unionpay';
import { wechatV2HmacSuite, wechatV2Md5Suite, wechatV3Suite } from './suites/wechat';
import type { RunSettings, Suite } from './types';
import { reason } from './throughput';

const SUITES: Suite[] = [
  unionpaySuite,
  alipayNotifySuite,
  alipayAppSuite,
  wechatV3Suite,
  wechatV2Md5Suite,
  wechatV2HmacSuite,
  appleSuite,
  httpSuite,
  clientSizeSuite,
  coldImportSuite,
];

function parseArgs(argv: readonly string[]) {
  const flags = new Set(argv.filter((arg) => arg.startsWith('--')));
  const onlyIndex = argv.indexOf('--only');
  const only = onlyIndex >= 0 ? argv[onlyIndex + 1] : undefined;
  if (onlyIndex >= 0 && !only) throw new Error('--only needs a pattern, e.g. --only unionpay');
  const known = new Set(['--quick', '--only', '--check', '--all', '--markdown']);
  const unknown = [...flags].filter((flag) => !known.has(flag));
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(', ')} (known: ${[...known].join(' ')})`);
  return { quick: flags.has('--quick'), check: flags.has('--check'), all: flags.has('--all'), markdown: flags.has('--markdown'), only };
}

/** A usage error: one line on stderr, exit code 2, no stack trace. */
function usage(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}

let args: ReturnType<typeof parseArgs>;
try {
  args = parseArgs(process.argv.slice(2));
} catch (error) {
  usage((error as Error).message);
}
const settings: RunSettings = args.quick
  ? { quick: true, rounds: 5, sampleMs: 40, warmupMs: 100, httpBatch: 40, importRounds: 5 }
  : { quick: false, rounds: 21, sampleMs: 100, warmupMs: 300, httpBatch: 400, importRounds: 15 };
const pattern = args.only ? new RegExp(args.only, 'i') : undefined;
const selected = SUITES.filter((suite) => !pattern || pattern.test(suite.id) || pattern.test(suite.title));
if (selected.length === 0) usage(`--only ${args.only} matches no suite (ids: ${SUITES.map((s) => s.id).join(', ')})`);

const host = machine();
const started = Date.now();
console.log(`payweave bench: ${host.cpus} cpus, ${host.cpuModel}, node ${host.node}, load ${host.loadAverage.join(' ')}; ${args.quick ? 'quick' : 'full'} run (${settings.rounds} rounds)`);
console.log('Figures are ratios against a baseline measured in the same process and rounds: median [min-max] of per-round ratios.');

const reports: SuiteReport[] = [];
for (const suite of selected) {
  const { id, title, metric, baseline } = suite;
  const report: SuiteReport = { id, title, metric, baseline, checked: args.check && (suite.checkedInCi || args.all), rows: [] };
  const suiteStart = Date.now();
  try {
    Object.assign(report, await suite.run(settings));
  } catch (error) {
    report.error = reason(error);
  }
  reports.push(report);
  console.log(formatTable([report]));
  console.log(`  (${((Date.now() - suiteStart) / 1000).toFixed(1)} s)`);
}

const here = dirname(fileURLToPath(import.meta.url));
const output = join(here, 'results', 'latest.json');
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, `${JSON.stringify({ startedAt: new Date(started).toISOString(), durationMs: Date.now() - started, machine: host, settings, suites: reports }, null, 2)}\n`);
if (args.markdown) console.log(`\n${formatMarkdown(reports)}`);
console.log(`\n${((Date.now() - started) / 1000).toFixed(0)} s; results written to ${output.replace(`${process.cwd()}/`, '')}`);

if (args.check) {
  const failed = failures(reports);
  if (failed.length > 0) {
    console.error(`\nbench --check: ${failed.length} budget(s) failed:\n  ${failed.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.log(`bench --check: every checked budget passed (${args.all ? 'all budgets' : 'size and cold-import budgets'})`);
  }
}
