/**
 * A notice's wording. A changed text is a new version, never an edit, so every notice sent can be
 * traced to the exact words it used.
 */
export interface MessageTemplate {
  id: string;
  version: number;
  /** The text with `{name}` placeholders; braces around anything but a name are literal. */
  text: string;
}

export interface RenderedMessage {
  templateId: string;
  templateVersion: number;
  text: string;
}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The placeholder names of `template`, each once, in order of appearance: what the host must be able to fill. */
export function placeholdersOf(template: MessageTemplate): string[] {
  return [...new Set(Array.from(template.text.matchAll(PLACEHOLDER), (m) => m[1]))];
}

/**
 * `template` with every placeholder replaced by its value. Values are inserted as they are, never
 * read for placeholders themselves. Extra vars are ignored.
 * @throws Error naming every placeholder without a value.
 */
export function renderTemplate(template: MessageTemplate, vars: Record<string, string>): RenderedMessage {
  // Own properties only: `{constructor}` must not be filled from Object.prototype.
  const missing = placeholdersOf(template).filter((name) => !Object.hasOwn(vars, name) || typeof vars[name] !== 'string');
  if (missing.length > 0) {
    throw new Error(`template ${template.id} v${template.version} has no value for ${missing.map((name) => `{${name}}`).join(', ')}`);
  }
  return {
    templateId: template.id,
    templateVersion: template.version,
    text: template.text.replace(PLACEHOLDER, (_, name: string) => vars[name]),
  };
}
