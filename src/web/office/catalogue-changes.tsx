import type { FieldChange } from '../../modules/catalogue/index.ts';
import { TableScroll } from '../common/components.tsx';
import type { PageContext } from '../common/layout.tsx';

const shown = (ctx: PageContext, value: FieldChange['before']): string =>
  value === undefined ? ctx.t('catEdit.absent') : value === null ? '—' : String(value);

/** Two versions' changed fields, one row each: the field's JSON Pointer, its value before and after. */
export function ChangesTable({ ctx, changes }: { ctx: PageContext; changes: readonly FieldChange[] }) {
  const { t } = ctx;
  if (changes.length === 0) {
    return <p class="govuk-body" id="catalogue-diff-none">{t('catEdit.compareNone')}</p>;
  }
  return (
    <TableScroll label={t('catEdit.compareTable')}>
      <table class="govuk-table" id="catalogue-diff">
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            {[t('catEdit.field'), t('catEdit.before'), t('catEdit.after')].map((c) => <th scope="col" class="govuk-table__header" key={c}>{c}</th>)}
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {changes.map((c) => (
            <tr class="govuk-table__row" key={c.pointer}>
              <th scope="row" class="govuk-table__header"><code>{c.pointer}</code></th>
              <td class="govuk-table__cell app-diff-before">{shown(ctx, c.before)}</td>
              <td class="govuk-table__cell app-diff-after">{shown(ctx, c.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
