import { buildSchema, parse, validate, specifiedRules } from 'graphql';
import { loadTypeDefs } from '/work/wt8/src/schema.ts';
import { queryLimitsRule } from '/work/wt8/src/http/limits.ts';
const schema = buildSchema(loadTypeDefs().join('\n'));
for (const q of [`{ ${'__typename '.repeat(2400)}}`, `{ ${Array.from({ length: 1600 }, (_, i) => `a${i}: __typename`).join(' ')} }`, `{ ${Array.from({ length: 1600 }, (_, i) => `a: __typename`).join(' ')} }`]) {
  const doc = parse(q);
  let t = performance.now();
  const errs = validate(schema, doc, [...specifiedRules, queryLimitsRule({maxDepth:16,maxAliases:30,maxDirectives:50})]);
  console.log((performance.now()-t).toFixed(1), 'ms', errs.length, errs.slice(0,2).map(e=>e.message));
}
import { checkDocument } from '/work/wt8/src/http/document-guard.ts';
const L={maxTokens:5000,maxNesting:64,maxFields:500};
for (const q of ['{ a b: c d(x: {e: 1, f: [g]}) @include(if: true) { ...F ... on X { h } } } fragment F on Y { i j }', `query ($v: [ID!] = [1]) { ${'__typename '.repeat(501)}}`, `{ ${'__typename '.repeat(500)}}`]) {
  console.log(checkDocument(q, L)?.message ?? 'ok');
}
const big = `{ ${Array.from({ length: 500 }, (_, i) => `a: __typename`).join(' ')} }`;
let t = performance.now(); validate(schema, parse(big)); console.log('500 same fields validate', (performance.now()-t).toFixed(1));
const fr = `query { ${Array.from({ length: 400 }, (_, i) => `...F${i}`).join(' ')} } ${Array.from({ length: 400 }, (_, i) => `fragment F${i} on Query { __typename }`).join(' ')}`;
t = performance.now(); validate(schema, parse(fr)); console.log('400 fragments validate', (performance.now()-t).toFixed(1));
