/**
 * Full-text matching in the language of the text. A Neo4j full-text index has one Lucene analyzer,
 * so each language with an analyzer gets its own index over its own property: a statement in
 * Indonesian carries its text also as `text_indonesian`, indexed by `search_indonesian` with Lucene's
 * Indonesian analyzer (stemming: "gagal" finds "kegagalan"). The English index also covers the
 * project's own English fields (summaries, descriptions, headlines). The `search` index (standard
 * analyzer, whole words) stays for names, aliases and every language without an analyzer.
 */
import type { Driver } from 'neo4j-driver';
import { fullText, fullTextLanguages, labels } from '../model/graph.js';

/** BCP 47 language → Lucene analyzer: the languages the model declares (model/graph.ts `fullTextLanguages`). */
export const languageAnalyzers: Readonly<Record<string, string>> = fullTextLanguages;

/** The analyzer for a language tag, or null when Lucene has none (then only whole words match). */
export function analyzerOf(language: string): string | null {
  const tag = language.toLowerCase();
  return languageAnalyzers[tag] ?? languageAnalyzers[tag.split('-')[0]!] ?? null;
}

/** How long to wait for indexes to come online: populating them after a bulk load of `large` takes minutes. */
export const indexWaitSeconds = 3600;

/**
 * Waits until every index is online. Populating them after a bulk load of `large` outlasts the
 * server's default transaction timeout (60 s for the project's own Neo4j): the wait sets its own.
 */
export async function awaitIndexes(driver: Driver, database?: string): Promise<void> {
  await driver.executeQuery(
    'CALL db.awaitIndexes($seconds)',
    { seconds: indexWaitSeconds },
    { database, transactionConfig: { timeout: (indexWaitSeconds + 60) * 1000 } },
  );
}

/** The property that holds a text for the index of its language. */
export const languageProperty = (analyzer: string) => `text_${analyzer}`;
/** The full-text index of one language. */
export const languageIndex = (analyzer: string) => `search_${analyzer}`;
/** The analyzer of a language index (the inverse of `languageIndex`). */
export const analyzerOfIndex = (index: string) => (index.startsWith('search_') ? index.slice('search_'.length) : index);

const analyzers = new Set(Object.values(languageAnalyzers));
/** English text the project writes itself (summaries, descriptions, headlines) is stemmed as English too. */
const englishFields = fullText.english;

/** The properties one language's index covers: its texts, and for English the project's own English fields. */
export const languageIndexProperties = (analyzer: string): string[] => [
  languageProperty(analyzer),
  ...(analyzer === 'english' ? englishFields : []),
];

/** The Cypher that creates one language's index (a no-op when it exists). */
export function languageIndexStatement(analyzer: string): string {
  // Index names, properties and the analyzer are interpolated: they come only from the allow-list above.
  if (!analyzers.has(analyzer)) throw new Error(`no Lucene analyzer "${analyzer}" in the allow-list`);
  const fields = languageIndexProperties(analyzer);
  return `CREATE FULLTEXT INDEX ${languageIndex(analyzer)} IF NOT EXISTS
     FOR (n:${labels.join('|')})
     ON EACH [${fields.map((field) => `n.${field}`).join(', ')}]
     OPTIONS {indexConfig: {\`fulltext.analyzer\`: '${analyzer}'}}`;
}

/** One full-text index per analyzer the model declares, in name order: search queries exactly these. */
export const languageIndexes = [...analyzers].sort().map(languageIndex);

/**
 * The statements that create every language's index (each a no-op when it exists): part of the schema
 * (load.ts), so they exist before any text of their language does and search never has to ask which do.
 */
export const languageIndexStatements = [...analyzers].sort().map(languageIndexStatement);
