import type { Source } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { requestError } from './error-contract.js';

const OPENING = new Set(['{', '[', '(']);
const CLOSING = new Set(['}', ']', ')']);

/**
 * The deepest bracket nesting of a GraphQL document, strings and comments skipped, stopping as
 * soon as it passes `limit`. One pass over the text, no recursion: it runs before the parser,
 * whose recursive descent (and every recursive walk after it) overflows the stack on a few
 * thousand nested brackets.
 */
export function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '#') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === '"') {
      if (text.startsWith('"""', i)) {
        i += 3;
        while (i < text.length && !text.startsWith('"""', i))
          i += text.startsWith('\\"""', i) ? 4 : 1;
        i += 2;
      } else {
        i++;
        while (i < text.length && text[i] !== '"' && text[i] !== '\n')
          i += text[i] === '\\' ? 2 : 1;
      }
    } else if (OPENING.has(c)) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (CLOSING.has(c)) {
      depth--;
    }
  }
  return deepest;
}

/**
 * Refuses a document nested deeper than LIMIT_MAX_NESTING before it is parsed: selection sets,
 * inline fragments, lists and input objects alike. A parse error, with the limit named, as the
 * token limit's refusal is.
 */
export function useNestingLimit(maxNesting: number): Plugin {
  return {
    onParse({ params }) {
      const source = params.source;
      const text = typeof source === 'string' ? source : (source as Source).body;
      if (nestingDepth(text, maxNesting) > maxNesting)
        throw requestError(
          'GRAPHQL_PARSE_FAILED',
          `Nesting limit of ${maxNesting} exceeded: brackets nest deeper than that`,
          { limit: 'LIMIT_MAX_NESTING' },
        );
    },
  };
}
