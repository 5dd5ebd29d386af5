import type { ComponentChildren } from 'preact';
import { Icon, IconName } from './Icon';

export interface Fact {
  icon: IconName;
  /** What the fact is ("Pay"), for screen readers and the tooltip. */
  label: string;
  text: string;
}

interface Props {
  id: string;
  title: string;
  subtitle?: string;
  facts: Fact[];
  /** Buttons or badges at the card's side. */
  children?: ComponentChildren;
  /** The attribute tests and links find the card by (`data-vacancy` unless told). */
  dataAttr?: string;
}

/** A vacancy as one card: title, who and what, and the facts a jobseeker weighs, each with an icon. */
export function VacancyCard({ id, title, subtitle, facts, children, dataAttr = 'data-vacancy' }: Props) {
  return (
    <article class="card vacancy" {...{ [dataAttr]: id }}>
      <div>
        <h3 style={{ margin: '0 0 .25rem' }}>{title}</h3>
        {subtitle ? <div class="muted">{subtitle}</div> : null}
        <div class="facts">
          {facts.map((f) => (
            <span key={f.label} title={f.label}>
              <Icon name={f.icon} />
              <span class="sr-only">{f.label}: </span>
              {f.text}
            </span>
          ))}
        </div>
      </div>
      {children}
    </article>
  );
}
