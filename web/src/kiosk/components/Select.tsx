interface Props {
  id: string;
  label: string;
  value: string;
  options: string[];
  onChange: (value: string) => void;
}

/** A labelled drop-down for the date of birth. */
export function Select({ id, label, value, options, onChange }: Props) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        <option value="">—</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </div>
  );
}
