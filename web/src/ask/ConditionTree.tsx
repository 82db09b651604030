/**
 * @module ConditionTree
 * A finding's conditions as the CLI prints them: three-valued (✓ met, ✗ not met, ? unknown), each
 * with its reason and the article's own words, cited to the treaty file's line.
 */
import type { Condition, Truth } from '../api/types.js';

const MARK: Record<Truth, { sign: string; words: string }> = {
  true: { sign: '✓', words: 'met' },
  false: { sign: '✗', words: 'not met' },
  unknown: { sign: '?', words: 'unknown' },
};

/** One condition and its children. */
function ConditionNode({ c }: { c: Condition }) {
  const mark = MARK[c.result] ?? MARK.unknown;
  return (
    <li className={`condition condition-${c.result}`}>
      <span className="condition-mark" aria-label={mark.words} title={mark.words}>
        {mark.sign}
      </span>{' '}
      <span className="condition-id">{c.id}</span>: {c.reason}
      {c.words && (
        <blockquote className="condition-words">
          “{c.words}”{c.cites && <cite> ({c.cites.file}:{c.cites.line})</cite>}
        </blockquote>
      )}
      {c.children && c.children.length > 0 && (
        <ul className="condition-children">
          {c.children.map((child) => (
            <ConditionNode key={child.id} c={child} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The whole tree of one finding. */
export function ConditionTree({ conditions }: { conditions: readonly Condition[] }) {
  return (
    <ul className="condition-tree" aria-label="Conditions">
      {conditions.map((c) => (
        <ConditionNode key={c.id} c={c} />
      ))}
    </ul>
  );
}
