import type { ReactNode } from 'react';

/** A row of tabs; the caller keeps which one is open and renders its panel. */
export function Tabs<T extends string>(props: {
  label: string;
  tabs: readonly T[];
  current: T;
  onChange: (tab: T) => void;
  children: ReactNode;
}) {
  return (
    <div className="tabs">
      <div role="tablist" aria-label={props.label}>
        {props.tabs.map((tab) => (
          <button
            key={tab}
            role="tab"
            aria-selected={tab === props.current}
            onClick={() => props.onChange(tab)}
          >
            {tab}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={props.current}>
        {props.children}
      </div>
    </div>
  );
}
