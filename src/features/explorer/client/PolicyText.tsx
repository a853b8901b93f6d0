import { useEffect, useRef, type JSX } from 'react';
import { sliceStatement, type TextPosition } from './sliceStatement.js';

/** Props of {@link PolicyText}. */
export interface PolicyTextProps {
  /** The policy's id or name, shown above the text. */
  title: string;
  /** The policy document. */
  document: string;
  /** The statement to mark, by its positions in the text; none marks nothing. */
  statement?: { start: TextPosition; end: TextPosition } | null;
  /** How the marked statement decided: colours the mark (`allow` green, `deny` red). */
  tone?: 'allow' | 'deny';
}

/**
 * A policy's text with one statement marked where the engine located it (line and column), scrolled into
 * view, so a learner sees the very statement that made an edge or decided a request.
 */
export function PolicyText({ title, document, statement, tone = 'allow' }: PolicyTextProps): JSX.Element {
  const mark = useRef<HTMLElement>(null);
  useEffect(() => mark.current?.scrollIntoView({ block: 'nearest' }), [document, statement]);
  const parts = statement
    ? sliceStatement(document, statement.start, statement.end)
    : { before: document, statement: '', after: '' };
  return (
    <figure className="explorer-policy">
      <figcaption>
        {title}
        {statement ? (
          <span className="explorer-policy-at">
            {' '}
            — statement at line {statement.start.line}, column {statement.start.column}
          </span>
        ) : null}
      </figcaption>
      <pre>
        {parts.before}
        {parts.statement ? (
          <mark ref={mark} className={`explorer-statement explorer-statement-${tone}`}>
            {parts.statement}
          </mark>
        ) : null}
        {parts.after}
      </pre>
    </figure>
  );
}
