/**
 * A complete set of answers for any application form of the demo catalogue, made from its JSON Schema:
 * every visible question, page by page, answered with a valid value (file questions with a UUID).
 */
import type { Answers, ApplicationForm, Condition } from '../../src/modules/forms/index.ts';

type Property = {
  type?: string; enum?: unknown[]; const?: unknown; format?: string; pattern?: string; minLength?: number; maxLength?: number;
  minimum?: number; maximum?: number; minItems?: number; items?: { enum?: unknown[] }; examples?: unknown[];
};
type Conditional = { if?: { properties?: Record<string, { const?: unknown; enum?: unknown[] }>; required?: string[] }; then?: { properties?: Record<string, { const?: unknown }> } };

/**
 * One string matching a pattern of the kinds the demo forms use: anchors, literals and escapes,
 * character classes (their first character), groups with alternatives (the first), and the
 * quantifiers {n}, {n,m}, ?, *, + (the fewest repetitions). Anything else throws.
 */
function sampleOf(pattern: string): string {
  let i = 0;
  const alternatives = (): string => {
    const first = sequence();
    while (pattern[i] === '|') {
      i += 1;
      sequence();
    }
    return first;
  };
  const atom = (): string => {
    const c = pattern[i++] ?? '';
    if (c === '^' || c === '$') {
      return '';
    }
    if (c === '(') {
      const inner = alternatives();
      if (pattern[i++] !== ')') {
        throw new Error(`unclosed group in ${pattern}`);
      }
      return inner;
    }
    if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      const body = pattern.slice(i, close);
      i = close + 1;
      if (body.startsWith('^') || close < 0) {
        throw new Error(`cannot sample the class [${body}] in ${pattern}`);
      }
      return body.startsWith('\\') ? (body[1] === 'd' ? '0' : (body[1] ?? '')) : (body[0] ?? '');
    }
    if (c === '\\') {
      const e = pattern[i++] ?? '';
      if (/[dwsDWSbB]/.test(e)) {
        if (e !== 'd') {
          throw new Error(`cannot sample \\${e} in ${pattern}`);
        }
        return '0';
      }
      return e;
    }
    if (c === '.') {
      return 'a';
    }
    return c;
  };
  const times = (): number => {
    const q = pattern[i];
    if (q === '?' || q === '*') {
      i += 1;
      return 0;
    }
    if (q === '+') {
      i += 1;
      return 1;
    }
    const braces = /^\{(\d+)(,\d*)?\}/.exec(pattern.slice(i));
    if (braces !== null) {
      i += braces[0].length;
      return Number(braces[1]);
    }
    return 1;
  };
  const sequence = (): string => {
    let out = '';
    while (i < pattern.length && pattern[i] !== '|' && pattern[i] !== ')') {
      const piece = atom();
      out += piece.repeat(times());
    }
    return out;
  };
  const sample = alternatives();
  if (i !== pattern.length || !new RegExp(pattern, 'u').test(sample)) {
    throw new Error(`sampled "${sample}" does not match ${pattern}`);
  }
  return sample;
}

const UUID = '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

/** A value valid for one property, or the example the schema gives. */
function valueFor(name: string, p: Property, kind: string, yes: boolean): unknown {
  if (p.const !== undefined) {
    return p.const;
  }
  if (p.examples !== undefined && p.examples.length > 0) {
    return p.examples[0];
  }
  if (p.type === 'boolean') {
    return yes;
  }
  if (p.type === 'integer' || p.type === 'number') {
    return Math.min(Math.max(p.minimum ?? 1, 1), p.maximum ?? Number.MAX_SAFE_INTEGER);
  }
  if (p.type === 'array') {
    return (p.items?.enum ?? []).slice(0, Math.max(p.minItems ?? 1, 1));
  }
  if (p.enum !== undefined) {
    return p.enum[0];
  }
  if (kind === 'file' || p.format === 'uuid') {
    return UUID;
  }
  if (p.format === 'date') {
    return '2026-01-15';
  }
  if (p.format === 'email') {
    return 'applicant@example.org';
  }
  if (p.pattern !== undefined) {
    return sampleOf(p.pattern);
  }
  const text = `Відповідь на питання ${name}`.padEnd(p.minLength ?? 0, '.');
  return text.slice(0, p.maxLength ?? text.length);
}

const shows = (condition: Condition | undefined, answers: Answers) => condition === undefined || condition.in.includes(answers[condition.field] as never);

/** The `const` a matching if/then of the schema imposes on `name`, given the answers so far. */
function imposed(form: ApplicationForm, name: string, answers: Answers): unknown {
  for (const rule of (form.schema['allOf'] ?? []) as Conditional[]) {
    const when = rule.if ?? {};
    const holds = (when.required ?? []).every((r) => answers[r] !== undefined) && Object.entries(when.properties ?? {}).every(([k, c]) =>
      (c.const === undefined || answers[k] === c.const) && (c.enum === undefined || c.enum.includes(answers[k])));
    const value = rule.then?.properties?.[name]?.const;
    if (holds && value !== undefined) {
      return value;
    }
  }
  return undefined;
}

/** A complete set of answers: every visible question, page by page, answered with a valid value. */
export function completeAnswers(form: ApplicationForm, yes: boolean): Answers {
  const properties = form.schema['properties'] as Record<string, Property>;
  const answers: Answers = {};
  for (const page of form.pages) {
    if (!shows(page.when, answers)) {
      continue;
    }
    for (const field of page.fields) {
      const property = properties[field.name];
      if (shows(field.when, answers) && property !== undefined) {
        answers[field.name] = imposed(form, field.name, answers) ?? valueFor(field.name, property, field.kind, yes);
      }
    }
  }
  return answers;
}
