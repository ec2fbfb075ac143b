import * as z from 'zod';
import { takeLogSchema } from './takes';

// Kept apart from the take operations: only the build's schema generator needs zod's JSON schema
// writer, and importing it here keeps it out of the extension and server bundles.

/** The JSON schema of `*.takes.json`, generated from the zod schema (written to schemas/takes.schema.json). */
export function takeLogJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(takeLogSchema, { target: 'draft-7', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  return {
    $schema: generated.$schema,
    title: 'Sora Storyboard take log',
    description: 'NAME.takes.json beside NAME.sora: every take generated from the storyboard, its parameters and its scores (1–5 on five criteria).',
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== '$schema')),
  };
}

export function takeLogJsonSchemaText(): string {
  return `${JSON.stringify(takeLogJsonSchema(), null, 2)}\n`;
}
