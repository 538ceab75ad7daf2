/**
 * CPU time of a process (all its threads, user + system) from /proc/<pid>/stat, so that each
 * request's cost can be told apart in the server and in Neo4j even on a busy machine.
 */
import fs from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ), 100 on every Linux build in use. */
const ticksPerSecond = 100;

/** CPU seconds used so far by the process, or null where /proc is not available. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces: fields are counted after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return null;
  }
}

/** Starts counting; the returned function gives the CPU seconds used since. */
export function cpuMeter(pid: number): () => number | null {
  const start = cpuSeconds(pid);
  return () => {
    const end = cpuSeconds(pid);
    return start === null || end === null ? null : end - start;
  };
}
