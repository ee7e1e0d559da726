import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/**
 * Readers that turn docker-compose.yml and deploy/k8s into one small model — which services run,
 * with what environment and ports, and which topics exist — so deploy-consistency.spec.ts can
 * hold both shapes against the code with the same assertions. File reads only: nothing here
 * needs Docker or a cluster.
 */

/** Repository root. */
export const repoRoot = join(__dirname, '..', '..');

/** A topic as a deployment shape creates it. */
export interface DeployedTopic {
  partitions: number;
  /** Topic-level settings beyond the shape-wide defaults (cleanup.policy, retention.ms). */
  config: Record<string, string>;
}

/** One of the five services as a deployment shape runs it. */
export interface DeployedService {
  /** The compose service key or the Deployment name. */
  resourceName: string;
  /** Variable name -> literal value, or a `<secret ...>` marker for values read from a Secret. */
  env: Record<string, string>;
  /** Container ports the shape publishes for this service. */
  containerPorts: number[];
}

/** What a deployment shape declares. */
export interface DeploymentShape {
  services: Map<string, DeployedService>;
  /** The migration step's environment, or undefined when the shape has none. */
  migrateEnv: Record<string, string> | undefined;
  topics: Map<string, DeployedTopic>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed YAML is untyped by nature
type Yaml = any;

const APP_MAIN = /\bdist\/apps\/([a-z0-9-]+)\/src\/main\.js\b/;
const MIGRATE_MAIN = /\bdist\/tools\/launcher\/migrate\.js\b/;

/** The app a container command starts (`dist/apps/<svc>/src/main.js`), if any. */
export function appStartedBy(command: unknown): string | undefined {
  return APP_MAIN.exec(commandText(command))?.[1];
}

function commandText(command: unknown): string {
  if (Array.isArray(command)) return command.join(' ');
  return typeof command === 'string' ? command : '';
}

/** Apps that exist in the source tree (`apps/<svc>/src/main.ts`). */
export function appsInSource(): string[] {
  return readdirSync(join(repoRoot, 'apps'))
    .filter((name) => existsSync(join(repoRoot, 'apps', name, 'src', 'main.ts')))
    .sort();
}

/**
 * The service-specific variables an app reads: every string in any `export const <X>_ENV_VARS =
 * [...]` of `apps/<svc>/src/app.module.ts`. Read from the source text rather than by importing the
 * Nest module, which would load the whole framework. Anything but string literals in the array
 * throws, so a list this reader cannot see through fails the test instead of being ignored.
 */
export function serviceEnvVars(svc: string): string[] {
  // A service lists its own variables in src/config/<service>-settings.ts (one settings pattern).
  const dir = join(repoRoot, 'apps', svc, 'src', 'config');
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
        .map((f) => join(dir, f))
    : [];
  const vars: string[] = [];
  for (const file of files) vars.push(...envVarsIn(file));
  return vars;
}

/** The names in every `export const <X>_ENV_VARS = [...]` of a source file. */
function envVarsIn(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const vars: string[] = [];
  for (const [, name, body] of source.matchAll(/export\s+const\s+([A-Z][A-Z0-9_]*_ENV_VARS)\b[^=]*=\s*\[([^\]]*)\]/g)) {
    for (const item of body
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const literal = /^(['"])([A-Z][A-Z0-9_]*)\1$/.exec(item);
      if (!literal) throw new Error(`${file}: ${name} must list string literals only (found ${item})`);
      vars.push(literal[2]);
    }
  }
  return vars;
}

/** docker-compose.yml, with YAML merge keys (`<<: *anchor`) applied as compose applies them. */
export function readCompose(): Yaml {
  return parse(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true });
}

/** The compose file as a {@link DeploymentShape}. */
export function composeShape(compose: Yaml = readCompose()): DeploymentShape {
  const services = new Map<string, DeployedService>();
  let migrateEnv: Record<string, string> | undefined;
  let initScript: string | undefined;
  for (const [key, svc] of Object.entries<Yaml>(compose.services ?? {})) {
    const command = commandText(svc.command);
    const app = appStartedBy(svc.command);
    if (app) {
      const containerPorts = (svc.ports ?? []).map((p: Yaml) => Number(typeof p === 'object' ? p.target : String(p).split(':').pop()));
      services.set(app, { resourceName: key, env: composeEnv(svc.environment), containerPorts });
    }
    if (MIGRATE_MAIN.test(command)) migrateEnv = composeEnv(svc.environment);
    if (command.includes('kafka-topics.sh')) {
      if (initScript !== undefined) throw new Error('more than one compose service runs kafka-topics.sh');
      initScript = command;
    }
  }
  return { services, migrateEnv, topics: topicsFromInitScript(initScript ?? '') };
}

function composeEnv(environment: Yaml): Record<string, string> {
  if (Array.isArray(environment)) {
    return Object.fromEntries(environment.map((entry: string) => [entry.split('=')[0], entry.slice(entry.indexOf('=') + 1)]));
  }
  return Object.fromEntries(Object.entries<Yaml>(environment ?? {}).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

/**
 * Topics created by the kafka-init script: one `create <topic> <partitions> [--config k=v ...]`
 * line each. The script's only `--topic` must be the helper's `"$$1"`, so a topic created any
 * other way cannot slip past this reader.
 */
function topicsFromInitScript(script: string): Map<string, DeployedTopic> {
  const stray = [...script.matchAll(/--topic\s+(\S+)/g)].map((m) => m[1]).filter((t) => t !== '"$$1"' && t !== '"$1"');
  if (stray.length) throw new Error(`kafka-init creates topics outside its create helper: ${stray.join(', ')}`);
  const topics = new Map<string, DeployedTopic>();
  for (const [, name, partitions, rest] of script.matchAll(/^\s*create\s+(\S+)\s+(\d+)([^\n]*)$/gm)) {
    if (topics.has(name)) throw new Error(`kafka-init creates ${name} twice`);
    const config = Object.fromEntries([...rest.matchAll(/--config\s+([\w.]+)=(\S+)/g)].map((m) => [m[1], m[2]]));
    topics.set(name, { partitions: Number(partitions), config });
  }
  return topics;
}

/** Every document of every resource listed in deploy/k8s/kustomization.yaml, plus the listing. */
export function readK8s(): { resources: string[]; docs: Yaml[]; secretTemplate: Yaml[] } {
  const dir = join(repoRoot, 'deploy', 'k8s');
  const kustomization = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8'));
  const resources: string[] = kustomization.resources ?? [];
  const docs = resources.flatMap((file) => readYamlDocs(join(dir, file)));
  return { resources, docs, secretTemplate: readYamlDocs(join(dir, 'secret.template.yaml')) };
}

function readYamlDocs(file: string): Yaml[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((doc) => doc.toJS())
    .filter((doc) => doc !== null && doc !== undefined);
}

/** The Kubernetes manifests as a {@link DeploymentShape}; Secrets come from the template. */
export function k8sShape(k8s = readK8s()): DeploymentShape {
  const all = [...k8s.docs, ...k8s.secretTemplate];
  const services = new Map<string, DeployedService>();
  let migrateEnv: Record<string, string> | undefined;
  for (const doc of all.filter((d) => d.kind === 'Deployment' || d.kind === 'Job')) {
    for (const container of podContainers(doc)) {
      const app = appStartedBy([...(container.command ?? []), ...(container.args ?? [])]);
      const env = containerEnv(container, all);
      if (app) {
        const containerPorts = (container.ports ?? []).map((p: Yaml) => Number(p.containerPort));
        services.set(app, { resourceName: doc.metadata.name, env, containerPorts });
      }
      if (MIGRATE_MAIN.test(commandText([...(container.command ?? []), ...(container.args ?? [])]))) migrateEnv = env;
    }
  }
  const topics = new Map<string, DeployedTopic>();
  for (const doc of all.filter((d) => d.kind === 'KafkaTopic')) {
    const name: string = doc.spec.topicName ?? doc.metadata.name;
    if (topics.has(name)) throw new Error(`KafkaTopic ${name} is declared twice`);
    const config = Object.fromEntries(Object.entries<Yaml>(doc.spec.config ?? {}).map(([k, v]) => [k, String(v)]));
    delete config['min.insync.replicas']; // shape-wide default, checked separately
    topics.set(name, { partitions: Number(doc.spec.partitions), config });
  }
  return { services, migrateEnv, topics };
}

/** Containers of a Deployment or Job. */
export function podContainers(doc: Yaml): Yaml[] {
  return doc.spec?.template?.spec?.containers ?? [];
}

/** Resolves a container's environment: envFrom ConfigMaps/Secrets, then `env` entries. */
function containerEnv(container: Yaml, docs: Yaml[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(env, findByName(docs, 'ConfigMap', source.configMapRef.name).data);
    if (source.secretRef) {
      const secret = findByName(docs, 'Secret', source.secretRef.name);
      for (const key of secretKeys(secret)) env[key] = `<secret ${source.secretRef.name}>`;
    }
  }
  for (const entry of container.env ?? []) env[entry.name] = envEntryValue(entry, docs);
  return env;
}

function envEntryValue(entry: Yaml, docs: Yaml[]): string {
  if (entry.value !== undefined) return String(entry.value);
  const secretRef = entry.valueFrom?.secretKeyRef;
  if (secretRef) {
    if (!secretKeys(findByName(docs, 'Secret', secretRef.name)).includes(secretRef.key)) {
      throw new Error(`${entry.name}: Secret ${secretRef.name} has no key ${secretRef.key}`);
    }
    return `<secret ${secretRef.name}/${secretRef.key}>`;
  }
  const configRef = entry.valueFrom?.configMapKeyRef;
  if (configRef) {
    const value = findByName(docs, 'ConfigMap', configRef.name).data?.[configRef.key];
    if (value === undefined) throw new Error(`${entry.name}: ConfigMap ${configRef.name} has no key ${configRef.key}`);
    return String(value);
  }
  throw new Error(`${entry.name}: unsupported env source ${JSON.stringify(entry.valueFrom)}`);
}

function secretKeys(secret: Yaml): string[] {
  return [...Object.keys(secret.stringData ?? {}), ...Object.keys(secret.data ?? {})];
}

/** The one resource of `kind` named `name`; throws when it is missing. */
export function findByName(docs: Yaml[], kind: string, name: string): Yaml {
  const found = docs.find((d) => d.kind === kind && d.metadata?.name === name);
  if (!found) throw new Error(`no ${kind} named ${name} in deploy/k8s`);
  return found;
}

/** `30s`, `1m30s`, `1500ms` (compose durations) in milliseconds. */
export function durationMs(value: string): number {
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001 };
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|us|h|m|s)/g)];
  if (parts.map((p) => p[0]).join('') !== value) throw new Error(`not a compose duration: ${value}`);
  return parts.reduce((sum, [, n, unit]) => sum + Number(n) * units[unit], 0);
}

/** A directive of an nginx config: `name args...;` or `name args... { block }`. */
export interface NginxDirective {
  name: string;
  args: string[];
  block?: NginxDirective[];
}

/** The parts of an nginx config file the deployment checks read. */
export interface NginxConfig {
  /** Every directive, blocks included (`server { ... }`). */
  directives: NginxDirective[];
  /** The `server` block's own directives, or the file's when it has no server block (a snippet). */
  server: NginxDirective[];
  listen: number[];
  includes: string[];
  /** The `location` blocks of the server: modifier (`=`, `^~`, `~`, `~*`, ''), path and directives. */
  locations: Array<{ modifier: string; path: string; directives: NginxDirective[] }>;
}

/** Reads and parses deploy/nginx/<file> (quoted strings, comments and blocks as nginx reads them). */
export function readNginx(file: string): NginxConfig {
  const directives = parseNginx(readFileSync(join(repoRoot, 'deploy', 'nginx', file), 'utf8'));
  const server = directives.find((d) => d.name === 'server')?.block ?? directives;
  const args = (name: string) => server.filter((d) => d.name === name).map((d) => d.args);
  return {
    directives,
    server,
    listen: args('listen').map((a) => Number(a[0])),
    includes: args('include').map((a) => a[0]),
    locations: server
      .filter((d) => d.name === 'location')
      .map((d) => {
        const [modifier, path] = d.args.length > 1 ? d.args : ['', d.args[0]];
        return { modifier, path, directives: d.block ?? [] };
      }),
  };
}

/** The nginx config language: words and quoted strings, `;` ending a directive, `{ }` a block. */
export function parseNginx(text: string): NginxDirective[] {
  const tokens: string[] = [];
  for (const m of text.matchAll(/#[^\n]*|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|([;{}])|([^\s;{}'"#]+)/g)) {
    if (m[0].startsWith('#')) continue;
    tokens.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  }
  let i = 0;
  const block = (): NginxDirective[] => {
    const out: NginxDirective[] = [];
    let words: string[] = [];
    while (i < tokens.length) {
      const t = tokens[i++];
      if (t === ';') {
        if (words.length) out.push({ name: words[0], args: words.slice(1) });
        words = [];
      } else if (t === '{') {
        out.push({ name: words[0], args: words.slice(1), block: block() });
        words = [];
      } else if (t === '}') {
        return out;
      } else words.push(t);
    }
    if (words.length) throw new Error(`nginx config ends inside a directive: ${words.join(' ')}`);
    return out;
  };
  return block();
}

/** deploy/Dockerfile's stages: name (or base image) → instructions, one line each (continuations joined). */
export function readDockerfileStages(): Map<string, string[]> {
  const text = readFileSync(join(repoRoot, 'deploy', 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  const stages = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (!line || line.startsWith('#')) continue;
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) stages.set(from[2] ?? from[1], (current = []));
    else current?.push(line);
  }
  return stages;
}
