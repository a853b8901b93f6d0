import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import type { JSX } from 'react';
import type { DeniedRequest } from './parseAccessDenied.js';
import { toWhyTab } from './toWhyTab.js';

/**
 * Under the result of a refused request: "why?" opens a new tab with the policy simulator on the same
 * request and runs it, so a learner goes from AWS's terse AccessDenied to the statements that decided;
 * "draw the decision" shows the same request in the decision view, as AWS's evaluation flow.
 * Rendered inside GraphiQL (its footer) because it drives GraphiQL's tabs and editors.
 */
export function WhyDeniedButton({
  denied,
  onDraw,
}: {
  denied: DeniedRequest | null;
  onDraw: (denied: DeniedRequest) => void;
}): JSX.Element | null {
  const { addTab, run } = useGraphiQLActions();
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  if (denied === null) return null;
  const open = (): void => {
    const tab = toWhyTab(denied);
    addTab();
    queryEditor?.setValue(tab.query);
    variableEditor?.setValue(tab.variables ?? '');
    // GraphiQL reads the operation name from the editor a moment after it changes; run once it has.
    setTimeout(run, 400);
  };
  return (
    <div className="explorer-denied">
      <span>
        AccessDenied: <code>{denied.action}</code> for <code>{denied.principalArn}</code>
      </span>
      <button type="button" className="explorer-why" onClick={open}>
        why?
      </button>
      <button type="button" className="explorer-why" onClick={() => onDraw(denied)}>
        draw the decision
      </button>
    </div>
  );
}
