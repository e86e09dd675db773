/** The request paths of each measured route, built from the seeded catalogue. */
export async function pathSets(base: string): Promise<Array<[string, string[]]>> {
  const ids: string[] = [];
  for (let page = 1; page <= 3; page += 1) {
    const res = (await (await fetch(`${base}/api/v1/services?pageSize=100&page=${page}`)).json()) as { items: Array<{ id: string }> };
    ids.push(...res.items.map((i) => i.id));
  }
  const langs = ['uk', 'en'];
  const popular = [
    'паспорт', 'passport', 'pasport', 'register company', 'реєстрація', 'permit', 'дозвіл', 'licence', 'ліцензія', 'pension',
    'пенсія', 'birth', 'народження', 'tax', 'податок', 'vehicle', 'certificate', 'довідка', 'water', 'land',
  ];
  const popularPaths = popular.flatMap((q, i) => [
    `/${langs[i % 2]}/search?q=${encodeURIComponent(q)}`,
    `/${langs[(i + 1) % 2]}/search?q=${encodeURIComponent(q)}&audience=business&online=yes`,
  ]);
  // Distinct queries, each word with each number once (80,000), more than a run sends: no search is
  // asked twice, so none is served by a cache of pages or results.
  const words = ['permit', 'licence', 'certificate', 'дозволу', 'ліцензії', 'свідоцтва', 'extract', 'renewal'];
  const unique = Array.from({ length: words.length * 10_000 }, (_, i) =>
    `/${langs[i % 2]}/search?q=${encodeURIComponent(`${words[i % words.length]} ${(Math.floor(i / words.length) * 7919) % 10_000}`)}`);
  return [
    ['baseline: JSON route', ['/healthz']],
    ['baseline: static page', ['/uk/accessibility', '/en/accessibility']],
    ['service page', ids.flatMap((id, i) => [`/${langs[i % 2]}/services/${id}`])],
    ['search page (popular queries)', popularPaths],
    ['search page (distinct queries)', unique],
  ];
}
