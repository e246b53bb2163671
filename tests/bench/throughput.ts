// Fingerprinting throughput in Node, measured in forked processes: V8 compiles the hot loops
// differently from one process to the next (on this machine a process's median ranged from
// 30 to 37 ms per 5.2 MB), so, as JMH does with forks, the figure pools several processes.
// Run as a script, it is one fork: it prints its timings as JSON on stdout.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fingerprintText } from '../../utils/core/fingerprint/fingerprint';
import { prose } from './shared';

/** Warm, as in a background that fingerprints every page it is sent. */
export const THROUGHPUT_WARMUPS = 5;
export const THROUGHPUT_RUNS = 15;
const FORKS = 5;

let cachedText = '';
/** ≥ 5 MB of prose from the bench's generator, the same in every process and browser. */
export function throughputText(): string {
  if (cachedText) return cachedText;
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < 5_200_000; i++) {
    const text = prose(30_000_000 + i, 2_000);
    parts.push(text);
    length += text.length + 2;
  }
  return (cachedText = parts.join('\n\n'));
}

/** The same text hyphenated with soft hyphens, as some sites serve it: the one-unit path. */
export function hyphenatedText(): string {
  return throughputText().replace(/([a-z]{4})([a-z]{3,})/g, '$1\u00ad$2');
}

/** Times `fn` `runs` times after `warmups` untimed calls, in milliseconds. */
export function timeRuns(runs: number, warmups: number, fn: () => unknown): number[] {
  for (let i = 0; i < warmups; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const began = performance.now();
    fn();
    times.push(performance.now() - began);
  }
  return times;
}

export interface ForkTimings {
  plain: number[];
  hyphenated: number[];
}

function measureThisProcess(): ForkTimings {
  const plain = throughputText();
  const hyphenated = hyphenatedText();
  return {
    plain: timeRuns(THROUGHPUT_RUNS, THROUGHPUT_WARMUPS, () => fingerprintText(plain)),
    hyphenated: timeRuns(THROUGHPUT_RUNS, THROUGHPUT_WARMUPS, () => fingerprintText(hyphenated)),
  };
}

/** Runs the measurement in FORKS fresh Node processes, one after the other. */
export function forkedTimings(): ForkTimings[] {
  const script = fileURLToPath(import.meta.url);
  return Array.from({ length: FORKS }, () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (child.status !== 0) {
      throw new Error(`throughput fork failed (${child.status}): ${child.stderr}`);
    }
    return JSON.parse(child.stdout) as ForkTimings;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(JSON.stringify(measureThisProcess()));
}
