import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import type { JSX } from 'react';
import type { DeniedRequest } from './parseAccessDenied.js';
import { toWhyTab, whyDeniedOperationName } from './toWhyTab.js';

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
  const { addTab, run, setOperationName, updateActiveTabValues } = useGraphiQLActions();
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  if (denied === null) return null;
  const open = (): void => {
    const tab = toWhyTab(denied);
    const variables = tab.variables ?? '';
    addTab();
    queryEditor?.setValue(tab.query);
    variableEditor?.setValue(variables);
    // GraphiQL works the operation name out of the editor's text only after a debounce, and a run before that
    // would send the previous tab's name. Name the operation now (the name GraphiQL will find, which also
    // titles the tab), so the run reads this tab's query, variables and name all from the store at once.
    updateActiveTabValues({ query: tab.query, variables });
    setOperationName(whyDeniedOperationName);
    run();
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
