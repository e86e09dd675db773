/**
 * A case's evidence from the base registries (ADR 0027): what the portal fetched for the officer over the
 * exchange, or is waiting for. The applicant sees each item's state; the officer also sees when and from where
 * it came (the exchange's request id) and what the register answered.
 */
import type { Lang, LocalText } from '../../kernel/text.ts';
import type { CaseEvidence } from '../../modules/registries/index.ts';
import { formatInstant } from './dates.ts';
import type { PageContext } from './layout.tsx';
import type { Translator } from '../locales/messages.ts';

const REGISTERS = new Set(['population', 'business', 'vehicles', 'property', 'tax', 'social-insurance']);

/** A register's name in the sentence's case (`registers.*`); a service of an unknown register by its key. */
export const registerName = (t: Translator, service: string): string => {
  const register = service.split('.')[0] ?? '';
  return REGISTERS.has(register) ? t(`registers.${register}` as 'registers.population') : service;
};

/** The record as rows of "where: value", every leaf of it, in the register's order. */
function leaves(value: unknown, at = ''): Array<[string, string]> {
  if (value === null || typeof value !== 'object') {
    const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? `${value}` : '—';
    return [[at === '' ? '—' : at, text]];
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i + 1), v] as const) : Object.entries(value);
  return entries.length === 0 ? [[at === '' ? '—' : at, '—']] : entries.flatMap(([k, v]) => leaves(v, at === '' ? k : `${at} › ${k}`));
}

export function stateText(t: Translator, lang: Lang, e: CaseEvidence): string {
  const register = registerName(t, e.service);
  return e.status === 'waiting' ? t('evidence.waiting', { register })
    : e.status === 'not-held' ? t('evidence.notHeld', { register, at: formatInstant(e.fetchedAt ?? e.requestedAt, lang) })
      : t('evidence.fetched', { register, at: formatInstant(e.fetchedAt ?? e.requestedAt, lang) });
}

export function RegistryEvidence({ ctx, items, names, officer }: { ctx: PageContext; items: readonly CaseEvidence[]; names: ReadonlyMap<string, LocalText>; officer: boolean }) {
  const { t, lang } = ctx;
  if (items.length === 0) {
    return null;
  }
  return (
    <>
      <h2 class="govuk-heading-m" id="registry-evidence">{t('evidence.title')}</h2>
      <p class="govuk-body">{officer ? t('evidence.leadOfficer') : t('evidence.leadApplicant')}</p>
      <dl class="govuk-summary-list">
        {items.map((e) => (
          <div class="govuk-summary-list__row" key={e.evidenceId}>
            <dt class="govuk-summary-list__key">{names.get(e.evidenceId)?.[lang] ?? e.evidenceId}</dt>
            <dd class="govuk-summary-list__value">
              {e.status === 'waiting' ? <strong class="govuk-tag govuk-tag--yellow">{t('evidence.waitingTag')}</strong> : null}
              <p class="govuk-body govuk-!-margin-bottom-0">{stateText(t, lang, e)}</p>
              {officer && e.status === 'waiting' && e.lastError !== null
                ? <p class="govuk-hint govuk-!-margin-0">{t('evidence.retry', { attempts: e.attempts, next: formatInstant(e.nextAttemptAt, lang) })}</p> : null}
              {officer && e.requestId !== null ? <p class="govuk-hint govuk-!-margin-0 app-break-anywhere">{t('evidence.request', { law: e.law, id: e.requestId })}</p> : null}
              {officer && e.status === 'fetched' ? (
                <details class="govuk-details govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                  <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{t('evidence.record')}</span></summary>
                  <div class="govuk-details__text">
                    <dl class="govuk-summary-list govuk-summary-list--no-border">
                      {leaves(e.record).map(([k, v]) => (
                        <div class="govuk-summary-list__row" key={k}><dt class="govuk-summary-list__key app-break-anywhere">{k}</dt><dd class="govuk-summary-list__value app-break-anywhere">{v}</dd></div>
                      ))}
                    </dl>
                  </div>
                </details>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
