import { Layout, type PageContext } from './layout.tsx';

/** A page that says one thing and offers one way on: refusals and dead ends of a journey. */
export function MessagePage({ ctx, title, text, back, backLabel }: { ctx: PageContext; title: string; text: string; back: string; backLabel: string }) {
  return (
    <Layout ctx={ctx} title={title} searchBox={false}>
      <h1>{title}</h1>
      <p>{text}</p>
      <p><a href={back}>{backLabel}</a></p>
    </Layout>
  );
}
