/** Timing one tool run for the benchmarks: wall time and peak memory from /usr/bin/time. */
import { spawn } from 'node:child_process';

export interface Measure {
  seconds: number;
  peakMb: number;
  ok: boolean;
  error?: string;
}

export interface MeasureOptions {
  cwd: string;
  timeoutMs: number;
  /** Node flags before the script (`--max-old-space-size=…`). */
  nodeFlags?: string[];
  /** Exit codes that count as success (a linter exits 1 for findings). */
  okCodes?: number[];
}

/** Runs `node <args>` under /usr/bin/time, killed with everything it started after the timeout. */
export function measure(args: string[], options: MeasureOptions): Promise<Measure> {
  const okCodes = options.okCodes ?? [0];
  return new Promise((resolve) => {
    // Its own process group, so a timeout kills whatever the tool started too (hey-api runs a child).
    const child = spawn('/usr/bin/time', ['-f', '__bench__ %e %M', process.execPath, ...(options.nodeFlags ?? []), ...args], { cwd: options.cwd, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid!, 'SIGKILL');
    }, options.timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = /__bench__ ([\d.]+) (\d+)/.exec(stderr);
      const seconds = line ? Number(line[1]) : options.timeoutMs / 1000;
      const peakMb = line ? Number(line[2]) / 1024 : 0;
      const ok = !timedOut && code !== null && okCodes.includes(code);
      const lastLine = stderr.replace(/__bench__.*$/m, '').trim().split('\n').filter((l) => l.trim().length > 0).slice(-1)[0];
      const error = timedOut ? `timed out after ${options.timeoutMs / 1000} s` : ok ? undefined : (lastLine ?? `exit ${code}`).slice(0, 200);
      resolve({ seconds, peakMb, ok, ...(error ? { error } : {}) });
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
}
