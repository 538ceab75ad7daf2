/**
 * The loading benchmark tells Neo4j's CPU apart by what its threads do (bench/src/cpu.ts): the
 * queries' workers, the JIT compilers of a fresh JVM, index population, Bolt's network threads, GC.
 */
import { describe, expect, it } from 'vitest';
import { threadCpuMeter, threadCpuSeconds, threadGroupOf } from '../bench/src/cpu.js';

describe('CPU by thread group', () => {
  it("names each Neo4j thread's group from its name as /proc gives it (15 characters)", () => {
    expect(threadGroupOf('neo4j.BoltWorke')).toBe('queries');
    expect(threadGroupOf('C2 CompilerThre')).toBe('JIT compilers');
    expect(threadGroupOf('C1 CompilerThre')).toBe('JIT compilers');
    expect(threadGroupOf('neo4j.IndexPopu')).toBe('index population');
    expect(threadGroupOf('neo4j.BoltNetwo')).toBe('Bolt network');
    expect(threadGroupOf('GC Thread#1')).toBe('garbage collection');
    expect(threadGroupOf('G1 Conc#0')).toBe('garbage collection');
    expect(threadGroupOf('MuninnPageCache')).toBe('other');
  });

  it("reads a running process's threads and counts the CPU they use from then on", () => {
    const meter = threadCpuMeter(process.pid);
    // Work until this process has used 0.3 s of CPU, however busy the machine. Its threads are not
    // Neo4j's: their time is counted as "other".
    const cpu = process.cpuUsage();
    let spin = 0;
    while (process.cpuUsage(cpu).user < 300_000) spin += 1;
    const used = meter();
    expect(spin).toBeGreaterThan(0);
    expect(used?.get('other')).toBeGreaterThan(0.2);
    expect(threadCpuSeconds(2 ** 22 + 12_345)).toBeNull();
  });
});
