import { LANGS, type Lang } from '../../kernel/text.ts';
import type { ParamKind } from './route-table.ts';

/** A pattern's parameter names, in order: `'/cases/:id/documents/:documentId'` → `['id', 'documentId']`. */
export type ParamList<P extends string> = P extends `${string}/:${infer Name}/${infer Rest}`
  ? [Name, ...ParamList<`/${Rest}`>]
  : P extends `${string}/:${infer Name}`
    ? [Name]
    : [];
type ParamName<P extends string> = ParamList<P>[number];
type Strings<T extends readonly unknown[]> = { [I in keyof T]: string };

/** What each parameter must look like (`null`: any text, the handler decides). */
export type PathKinds<P extends string> = { readonly [K in ParamName<P>]: ParamKind | null };
/** A value for each parameter of the pattern. */
export type PathValues<P extends string> = { readonly [K in ParamName<P>]: string };
/** A query string: empty and undefined values are left out. */
export type Query = Readonly<Record<string, string | number | undefined>>;
type UrlArgs<P extends string> = ParamList<P> extends [] ? [values?: PathValues<P>, query?: Query] : [values: PathValues<P>, query?: Query];
type KindsArg<P extends string> = ParamList<P> extends [] ? [] : [kinds: PathKinds<P>];

interface Declared<P extends string> {
  /** The key of the declaration in its table (`declarePaths`); empty until then. */
  readonly name: string;
  /** The pattern after any language prefix, e.g. `/cabinet/cases/:id`. */
  readonly template: P;
  readonly kinds: PathKinds<P>;
  /** The kinds the request edge checks (a route's `config.params`); undefined when none is checked. */
  readonly checked: Readonly<Record<string, ParamKind>> | undefined;
  /** The patterns Fastify registers: one per language, or one without a language. */
  readonly patterns: ReadonlyArray<{ readonly lang: Lang | null; readonly url: string }>;
}

/** An address under a language prefix: `/uk/…` and `/en/…`. */
export interface LangPath<P extends string = string> extends Declared<P> {
  readonly localised: true;
  pattern(this: void, lang: Lang): string;
  url(this: void, lang: Lang, ...args: UrlArgs<P>): string;
  /** The builder with positional parameters, in the pattern's order: `(lang, id) => …`. */
  byPosition(this: void, lang: Lang, ...values: Strings<ParamList<P>>): string;
}

/** An address without a language prefix (sign-in callbacks, short links, assets, the API). */
export interface RootPath<P extends string = string> extends Declared<P> {
  readonly localised: false;
  pattern(this: void): string;
  url(this: void, ...args: UrlArgs<P>): string;
}

export type AnyPath = LangPath | RootPath;
/** The values of a declaration's parameters. */
export type ValuesOf<D extends AnyPath> = D extends LangPath<infer P> | RootPath<infer P> ? PathValues<P> : never;

type FillArgs = [values?: Readonly<Record<string, string>>, query?: Query];
const NAME = /^[a-z][A-Za-z0-9]*$/;

function parts(template: string, kinds: Readonly<Record<string, ParamKind | null>>) {
  if (!template.startsWith('/')) {
    throw new Error(`a path starts with /: ${template}`);
  }
  const segments = template.split('/');
  const names = segments.filter((s) => s.startsWith(':')).map((s) => s.slice(1));
  const bad = names.filter((n) => !NAME.test(n));
  const declared = Object.keys(kinds);
  if (bad.length > 0 || new Set(names).size !== names.length || names.length !== declared.length || names.some((n) => !declared.includes(n))) {
    throw new Error(`${template}: every parameter is one whole segment with a plain name, declared once with its kind (${declared.join(', ') || 'none'})`);
  }
  const checkedEntries = Object.entries(kinds).filter((e): e is [string, ParamKind] => e[1] !== null);
  const checked = checkedEntries.length === 0 ? undefined : Object.fromEntries(checkedEntries);
  const fill = (values: Readonly<Record<string, string>> = {}, query: Query = {}): string => {
    const path = segments.map((s) => {
      if (!s.startsWith(':')) {
        return s;
      }
      const value = values[s.slice(1)];
      if (value === undefined) {
        throw new Error(`${template}: no value for ${s}`);
      }
      return encodeURIComponent(value);
    }).join('/');
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v !== undefined && v !== '') {
        search.set(k, String(v));
      }
    }
    const qs = search.toString();
    return qs ? `${path}?${qs}` : path;
  };
  return { names, checked, fill };
}

/** Declares an address under a language prefix; its parameters' kinds are required when it has any. */
export function localPath<P extends `/${string}`>(template: P, ...[kinds]: KindsArg<P>): LangPath<P> {
  const k: PathKinds<P> = kinds ?? {};
  const { names, checked, fill } = parts(template, k);
  const pattern = (lang: Lang) => `/${lang}${template}`;
  return {
    name: '', template, kinds: k, checked, localised: true,
    patterns: LANGS.map((lang) => ({ lang, url: pattern(lang) })),
    pattern,
    url: (lang: Lang, ...args: UrlArgs<P>) => `/${lang}${fill(...(args as FillArgs))}`,
    byPosition: (lang, ...values) => `/${lang}${fill(Object.fromEntries(names.map((n, i) => [n, values[i] ?? ''])))}`,
  };
}

/** Declares an address without a language prefix. */
export function rootPath<P extends `/${string}`>(template: P, ...[kinds]: KindsArg<P>): RootPath<P> {
  const k: PathKinds<P> = kinds ?? {};
  const { checked, fill } = parts(template, k);
  return {
    name: '', template, kinds: k, checked, localised: false,
    patterns: [{ lang: null, url: template }],
    pattern: () => template,
    url: (...args: UrlArgs<P>) => fill(...(args as FillArgs)),
  };
}

/** Names each declaration of a table by its key (routes record the declaration they came from). */
export function declarePaths<T extends Readonly<Record<string, AnyPath>>>(table: T): T {
  return Object.fromEntries(Object.entries(table).map(([name, path]) => [name, { ...path, name }])) as T;
}
