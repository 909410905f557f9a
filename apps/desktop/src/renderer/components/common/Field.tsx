import type { ReactNode } from 'react';

/** Issues a form was refused with, by field path ("email", "attributes.plan"). */
export type FieldIssues = Record<string, string>;

/** The props that tie a control to the issue named for its field, if there is one. */
export interface FaultProps {
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

const issueId = (idPrefix: string, field: string) => `${idPrefix}-issue-${field.replace(/\W/g, '_')}`;

export function faultProps(idPrefix: string, field: string, issues: FieldIssues): FaultProps {
  return {
    'aria-invalid': field in issues,
    'aria-describedby': field in issues ? issueId(idPrefix, field) : undefined,
  };
}

/** The issue named for a field, shown under it and announced to screen readers. */
export function FieldIssue({ idPrefix, field, issues }: { idPrefix: string; field: string; issues: FieldIssues }) {
  if (!(field in issues)) return null;
  return (
    <div className="field-issue" id={issueId(idPrefix, field)} data-field={field} role="alert">
      {issues[field]}
    </div>
  );
}

/** A labelled control with the issue the schema or the server named for its field beside it. */
export function Field(props: {
  idPrefix: string;
  label: string;
  field: string;
  issues: FieldIssues;
  children: (fault: FaultProps) => ReactNode;
}) {
  const { idPrefix, label, field, issues, children } = props;
  return (
    <>
      <label>
        {label}
        {children(faultProps(idPrefix, field, issues))}
      </label>
      <FieldIssue idPrefix={idPrefix} field={field} issues={issues} />
    </>
  );
}
