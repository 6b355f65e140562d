import type { ComponentChildren, SelectHTMLAttributes } from 'preact';
import { useId } from 'preact/hooks';

/**
 * A select with its visible label, named by the label alone (aria-labelledby): a select nested in
 * its label would otherwise be named by the label and its chosen option together.
 */
export function SelectField({
  label,
  children,
  ...props
}: { label: string; children: ComponentChildren } & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <label>
      <span id={id}>{label}</span>
      <select aria-labelledby={id} {...props}>
        {children}
      </select>
    </label>
  );
}
