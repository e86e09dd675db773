import { Layout, type PageContext } from './layout.tsx';

/** A page that says one thing and offers one way on: refusals and dead ends of a journey. */
export function MessagePage({ ctx, title, text, back, backLabel }: { ctx: PageContext; title: string; text: string; back: string; backLabel: string }) {
  return (
    <Layout ctx={ctx} title={title} searchBox={false}>
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body">{text}</p>
      <p class="govuk-body"><a class="govuk-link" href={back}>{backLabel}</a></p>
    </Layout>
  );
}
