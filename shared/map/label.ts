// A person's label on the map: her name and role joined by a dash ("M. — moeder"), one rule for every screen.

/** Between the name and the role in a label: "M. — moeder". */
const SEPARATOR = ' — ';

/** Splits a saved label back into name and role (labels without the dash are a name only). */
export function splitLabel(label: string): { name: string; role: string } {
  const at = label.indexOf(SEPARATOR);
  if (at < 0) return { name: label, role: '' };
  return { name: label.slice(0, at), role: label.slice(at + SEPARATOR.length) };
}

/** Name and role as one label; either alone when the other is empty. */
export function joinLabel(name: string, role: string): string {
  const trimmedName = name.trim();
  const trimmedRole = role.trim();
  return trimmedName !== '' && trimmedRole !== ''
    ? `${trimmedName}${SEPARATOR}${trimmedRole}`
    : trimmedName || trimmedRole;
}
