/**
 * Peak RSS of a server process per scenario: Linux keeps the high-water mark in /proc/<pid>/status
 * (VmHWM) and resets it when "5" is written to /proc/<pid>/clear_refs. Elsewhere, the process's
 * own lifetime peak (getrusage maxRSS, asked over IPC) is the fallback.
 */
import fs from 'node:fs';

/** Resets the peak to the current RSS; false where the kernel does not allow it. */
export function resetPeakRss(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** VmHWM in bytes, or null where /proc is not available. */
export function peakRssFromProc(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}
