/** Token configuration: names and tokens from the environment or a file, clear errors, constant-time lookup. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { bearerToken, loadTokens, TokenConfigError } from '../src/auth/tokens.js';
import { loadConfig } from '../src/config.js';

const token = (c: string) => c.repeat(24);

describe('write and read tokens', () => {
  it('are read from WRITE_TOKENS and READ_TOKENS as name:token pairs', () => {
    const tokens = loadTokens({
      WRITE_TOKENS: `newsroom:${token('a')}, importer:${token('b')}`,
      READ_TOKENS: `research:${token('c')}`,
    });
    expect(tokens.identify(token('a'))).toEqual({ name: 'newsroom', scope: 'write' });
    expect(tokens.identify(token('b'))).toEqual({ name: 'importer', scope: 'write' });
    expect(tokens.identify(token('c'))).toEqual({ name: 'research', scope: 'read' });
    expect(tokens.identify(token('a').slice(1))).toBeNull();
    expect(tokens.identify('')).toBeNull();
    expect(tokens.readRequired).toBe(true);
    expect(tokens.writable).toBe(true);
  });

  it('are read from a file, one per line, with comments', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-tokens-'));
    onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'tokens');
    fs.writeFileSync(file, `# the newsroom's tools\nnewsroom:${token('a')}\n\nimporter:${token('b')}\n`);
    const tokens = loadTokens({ WRITE_TOKENS_FILE: file });
    expect(tokens.identify(token('b'))?.name).toBe('importer');
    expect(tokens.readRequired).toBe(false);
    expect(() => loadTokens({ WRITE_TOKENS_FILE: `${file}-missing` })).toThrow(/WRITE_TOKENS_FILE: cannot read/);
  });

  it('refuse a bad configuration with a message naming the entry, never the token', () => {
    const problem = (sources: Parameters<typeof loadTokens>[0]) => {
      try {
        loadTokens(sources);
      } catch (error) {
        expect(error).toBeInstanceOf(TokenConfigError);
        return (error as Error).message;
      }
      throw new Error('expected a configuration error');
    };
    expect(problem({ WRITE_TOKENS: 'newsroom:short' })).toBe(
      'WRITE_TOKENS, entry 1 ("newsroom"): the token must have at least 16 characters',
    );
    expect(problem({ WRITE_TOKENS: token('a') })).toMatch(/WRITE_TOKENS, entry 1: expected "name:token"/);
    expect(problem({ WRITE_TOKENS: `a:${token('a')},a:${token('b')}` })).toMatch(/"a" is given twice/);
    expect(problem({ WRITE_TOKENS: `a:${token('a')}`, READ_TOKENS: `a:${token('b')}` })).toMatch(
      /both a write and a read token/,
    );
    expect(problem({ WRITE_TOKENS: `x:${token('s')},y:tiny` })).not.toContain(token('s'));
  });

  it('leave writes closed when none is configured', () => {
    const tokens = loadTokens({});
    expect(tokens.writable).toBe(false);
    expect(tokens.identify(token('a'))).toBeNull();
  });

  it('come from an Authorization: Bearer header', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer  abc ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeNull();
  });

  it('and the ingest bounds are part of the configuration', () => {
    const config = loadConfig({ WRITE_TOKENS: `a:${token('a')}`, MAX_INGEST_ROWS: '5000' });
    expect(config.MAX_INGEST_ROWS).toBe(5000);
    expect(config.MAX_INGEST_BYTES).toBe(4 * 1024 * 1024);
    expect(() => loadConfig({ MAX_INGEST_BYTES: '10' })).toThrow(/MAX_INGEST_BYTES/);
  });
});
