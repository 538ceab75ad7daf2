/**
 * CPU time of a process (all its threads, user + system) from /proc/<pid>/stat, so that each
 * request's cost can be told apart in the server and in Neo4j even on a busy machine.
 */
import fs from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ), 100 on every Linux build in use. */
const ticksPerSecond = 100;

/** CPU seconds used so far by the process, or null where /proc is not available. */
export const cpuSeconds = (pid: number): number | null => statCpuSeconds(`/proc/${pid}/stat`);

/** CPU seconds in a stat file of /proc: a process's, or one thread's (`/proc/<pid>/task/<tid>/stat`). */
function statCpuSeconds(statFile: string): number | null {
  try {
    const stat = fs.readFileSync(statFile, 'utf8');
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

/**
 * What a Neo4j thread does, from its name as /proc gives it (the first 15 characters): a fresh JVM's
 * JIT compilers share two cores with the threads that run the queries, which is where a cold load's
 * time goes (README, "Loading").
 */
export const threadGroups = [
  { group: 'queries', pattern: /^neo4j\.BoltWork/ },
  { group: 'JIT compilers', pattern: /^C\d CompilerThre/ },
  { group: 'index population', pattern: /^neo4j\.Index/ },
  { group: 'Bolt network', pattern: /^neo4j\.BoltNetw/ },
  { group: 'garbage collection', pattern: /^(GC Thread|G1 )/ },
] as const;

export type ThreadGroup = (typeof threadGroups)[number]['group'] | 'other';

export const threadGroupOf = (name: string): ThreadGroup =>
  threadGroups.find(({ pattern }) => pattern.test(name))?.group ?? 'other';

/** CPU seconds used so far by a process's threads, summed by group; null where /proc is not available. */
export function threadCpuSeconds(pid: number): Map<ThreadGroup, number> | null {
  let threads: string[];
  try {
    threads = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return null;
  }
  const byGroup = new Map<ThreadGroup, number>();
  for (const tid of threads) {
    try {
      const name = fs.readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
      const seconds = statCpuSeconds(`/proc/${pid}/task/${tid}/stat`);
      const group = threadGroupOf(name);
      if (seconds !== null) byGroup.set(group, (byGroup.get(group) ?? 0) + seconds);
    } catch {
      // A thread that ended between the listing and the read: its time is gone with it.
    }
  }
  return byGroup;
}

/** Starts counting; the returned function gives each group's CPU seconds since (threads that ended are not counted). */
export function threadCpuMeter(pid: number): () => Map<ThreadGroup, number> | null {
  const start = threadCpuSeconds(pid);
  return () => {
    const end = threadCpuSeconds(pid);
    if (!start || !end) return null;
    return new Map([...end].map(([group, seconds]) => [group, seconds - (start.get(group) ?? 0)]));
  };
}
