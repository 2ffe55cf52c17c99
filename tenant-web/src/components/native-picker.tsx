import { type CSSProperties, useId } from 'react';

export interface PickerOption {
  value: string;
  label: string;
}

/**
 * A plain `<select>` dressed as Mantine's `<NativeSelect size="sm">`: the same DOM, class names and CSS
 * variables that component renders (Mantine 9's Input classes, styled by Input.css in mantine.css),
 * without loading Input, InputBase, NativeSelect and CloseButton (~7 kB gzip) on every page's header.
 * The class names are Mantine's own (`m_…` are stable per version): after a Mantine upgrade, compare
 * with what `<NativeSelect size="sm" />` renders.
 */
export function NativePicker({
  label,
  value,
  options,
  onChange,
  className,
}: {
  /** The accessible name (the header shows no visible label). */
  label: string;
  value: string;
  options: PickerOption[];
  onChange: (value: string) => void;
  className?: string;
}) {
  const id = useId();
  return (
    <div
      className={`m_6c018570 mantine-Input-wrapper mantine-NativeSelect-wrapper${className ? ` ${className}` : ''}`}
      data-variant="default"
      data-size="sm"
      data-pointer="true"
      data-with-right-section="true"
      style={
        {
          '--input-height': 'var(--input-height-sm)',
          '--input-fz': 'var(--mantine-font-size-sm)',
          '--input-right-section-pointer-events': 'none',
        } as CSSProperties
      }
    >
      <select
        id={id}
        className="m_8fb7ebe7 mantine-Input-input mantine-NativeSelect-input"
        data-variant="default"
        aria-label={label}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <div data-position="right" className="m_82577fc2 mantine-Input-section mantine-NativeSelect-section">
        <svg
          className="m_2943220b mantine-ComboboxChevron-chevron"
          data-size="sm"
          data-combobox-chevron="true"
          viewBox="0 0 15 15"
          fill="none"
          aria-hidden="true"
          style={{ '--combobox-chevron-size': 'var(--combobox-chevron-size-sm)' } as CSSProperties}
        >
          <path
            d="M4.93179 5.43179C4.75605 5.60753 4.75605 5.89245 4.93179 6.06819C5.10753 6.24392 5.39245 6.24392 5.56819 6.06819L7.49999 4.13638L9.43179 6.06819C9.60753 6.24392 9.89245 6.24392 10.0682 6.06819C10.2439 5.89245 10.2439 5.60753 10.0682 5.43179L7.81819 3.18179C7.73379 3.0974 7.61933 3.04999 7.49999 3.04999C7.38064 3.04999 7.26618 3.0974 7.18179 3.18179L4.93179 5.43179ZM10.0682 9.56819C10.2439 9.39245 10.2439 9.10753 10.0682 8.93179C9.89245 8.75606 9.60753 8.75606 9.43179 8.93179L7.49999 10.8636L5.56819 8.93179C5.39245 8.75606 5.10753 8.75606 4.93179 8.93179C4.75605 9.10753 4.75605 9.39245 4.93179 9.56819L7.18179 11.8182C7.35753 11.9939 7.64245 11.9939 7.81819 11.8182L10.0682 9.56819Z"
            fill="currentColor"
            fillRule="evenodd"
            clipRule="evenodd"
          />
        </svg>
      </div>
    </div>
  );
}
