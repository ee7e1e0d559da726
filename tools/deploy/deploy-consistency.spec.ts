// The contracts' event classes carry class-validator decorators, which need the Reflect metadata
// API that Nest would otherwise have loaded first.
import 'reflect-metadata';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { parse } from 'yaml';
import { TopicDefinitions, deadLetterTopic } from '@petition/contracts';
import { COMMON_ENV_VARS } from '@petition/service-kit';
import { API_LIKE_PATH, CONSOLE_SERVICES, DEFAULT_CONSOLE_PORT, DEV_AUTH_PREFIX, consolePrefix } from '../launcher/console-routes';
import {
  appsInSource,
  composeShape,
  durationMs,
  findByName,
  k8sShape,
  podContainers,
  readCompose,
  readDockerfileStages,
  readK8s,
  readNginx,
  repoRoot,
  serviceEnvVars,
  type DeploymentShape,
  type NginxConfig,
} from './deploy-manifests';

/**
 * Holds docker-compose.yml and deploy/k8s to the code: the same five services, each given only
 * variables its code reads and every variable it cannot start without, on its default port, and
 * exactly the topics the contracts define plus one dead-letter topic per consumer group; and the
 * staff console's origin — compose's nginx and the Ingress route exactly the service prefixes the
 * development gateway routes (tools/launcher/console-routes.ts), to the services' ports, with no
 * development sign-in. Nothing here can be built or run on a machine without Docker, so this is
 * the check that the production shape still matches the code after a service, variable, topic or
 * route changes.
 */

/** The services and their default ports (docs/architecture.md, "Running it"). */
const DEFAULT_PORTS: Record<string, number> = { intake: 3001, dispatch: 3002, handling: 3003, supervision: 3004, analytics: 3005 };
const SERVICES = Object.keys(DEFAULT_PORTS).sort();

/** Variables with no default in production: loadServiceConfig refuses to start without them. */
const REQUIRED_COMMON = ['DATABASE_URL', 'KAFKA_BROKERS', 'JWT_SECRET'];
/** Per-service variables with no production default (intake: apps/intake/src/pii/pii.module.ts). */
const REQUIRED_BY_SERVICE: Record<string, string[]> = { intake: ['PII_KEYS', 'PII_HASH_KEY'] };
/** Values that must never be written into a manifest: they come from .env or a Secret. */
const SECRET_VARS = ['JWT_SECRET', 'PII_KEYS', 'PII_HASH_KEY'];

/** Every topic production must create: the contracts' topics and `<service>.dlq` per service. */
const expectedTopics = new Map<string, { partitions: number | 'dlq'; compacted: boolean }>([
  ...TopicDefinitions.map((t) => [t.name, { partitions: t.partitions, compacted: t.compacted }] as const),
  ...SERVICES.map((svc) => [deadLetterTopic(svc), { partitions: 'dlq' as const, compacted: false }] as const),
]);

const shapes: Array<[string, () => DeploymentShape]> = [
  ['docker-compose.yml', () => composeShape()],
  ['deploy/k8s', () => k8sShape()],
];

describe('the five services', () => {
  it('each have an apps/<svc>/src/main.ts, and no other app does', () => {
    expect(appsInSource()).toEqual(SERVICES);
  });

  it('declare their service-specific variables where this test can read them', () => {
    for (const [svc, required] of Object.entries(REQUIRED_BY_SERVICE)) {
      expect(serviceEnvVars(svc)).toEqual(expect.arrayContaining(required));
    }
  });
});

describe.each(shapes)('%s', (_name, load) => {
  const shape = load();

  it('runs exactly the services that exist in apps/', () => {
    expect([...shape.services.keys()].sort()).toEqual(appsInSource());
    expect([...shape.services.keys()].sort()).toEqual(SERVICES);
  });

  it('names each service after its app', () => {
    for (const [svc, deployed] of shape.services) expect(deployed.resourceName).toBe(svc);
  });

  it.each(SERVICES)('sets only variables %s reads', (svc) => {
    const allowed = new Set<string>([...COMMON_ENV_VARS, ...serviceEnvVars(svc)]);
    const unknown = Object.keys(shape.services.get(svc)?.env ?? {}).filter((name) => !allowed.has(name));
    expect(unknown).toEqual([]);
  });

  it.each(SERVICES)('sets every variable %s cannot start without in production', (svc) => {
    const env = shape.services.get(svc)?.env ?? {};
    const missing = [...REQUIRED_COMMON, ...(REQUIRED_BY_SERVICE[svc] ?? [])].filter((name) => !env[name]);
    expect(missing).toEqual([]);
    expect(env.NODE_ENV).toBe('production');
    expect(env.CLOCK ?? 'system').toBe('system');
  });

  it.each(SERVICES)('runs %s on its default port', (svc) => {
    const deployed = shape.services.get(svc);
    expect(deployed?.env.PORT).toBe(String(DEFAULT_PORTS[svc]));
    expect(deployed?.containerPorts).toEqual([DEFAULT_PORTS[svc]]);
  });

  it('runs the migration with a database to migrate', () => {
    expect(shape.migrateEnv?.DATABASE_URL).toBeTruthy();
  });

  it('creates exactly the contracts topics and one dead-letter topic per service', () => {
    expect([...shape.topics.keys()].sort()).toEqual([...expectedTopics.keys()].sort());
  });

  it.each([...expectedTopics.keys()])('creates %s with the defined partitions and cleanup policy', (topic) => {
    const expected = expectedTopics.get(topic);
    const deployed = shape.topics.get(topic);
    if (expected?.partitions === 'dlq') {
      expect(deployed?.partitions).toBeGreaterThanOrEqual(1);
      expect(deployed?.partitions).toBeLessThanOrEqual(3);
      expect(Number(deployed?.config['retention.ms'])).toBeGreaterThanOrEqual(7 * 24 * 3600 * 1000);
    } else {
      expect(deployed?.partitions).toBe(expected?.partitions);
    }
    expect(deployed?.config['cleanup.policy'] ?? 'delete').toBe(expected?.compacted ? 'compact' : 'delete');
  });
});

describe('docker-compose.yml and deploy/k8s', () => {
  it('create every topic with the same partitions and settings', () => {
    expect(Object.fromEntries(k8sShape().topics)).toEqual(Object.fromEntries(composeShape().topics));
  });
});

describe('docker-compose.yml', () => {
  const compose = readCompose();
  const shape = composeShape(compose);

  it('takes secrets only from the environment and refuses to start without them', () => {
    for (const [svc, deployed] of shape.services) {
      for (const name of SECRET_VARS.filter((v) => v in deployed.env)) {
        expect({ svc, name, value: deployed.env[name] }).toEqual({
          svc,
          name,
          value: expect.stringMatching(new RegExp(`^\\$\\{${name}:\\?.+\\}$`)),
        });
      }
      expect(deployed.env.DATABASE_URL).toMatch(/\$\{POSTGRES_PASSWORD:\?.+\}/);
    }
  });

  it('starts services only after topics and migrations are in place', () => {
    for (const [svc, deployed] of shape.services) {
      const dependsOn = compose.services[deployed.resourceName].depends_on;
      expect({ svc, kafkaInit: dependsOn?.['kafka-init']?.condition }).toEqual({ svc, kafkaInit: 'service_completed_successfully' });
      expect({ svc, migrate: dependsOn?.migrate?.condition }).toEqual({ svc, migrate: 'service_completed_successfully' });
    }
  });

  it('gives each service longer to stop than its graceful shutdown takes', () => {
    for (const deployed of shape.services.values()) {
      const grace = durationMs(compose.services[deployed.resourceName].stop_grace_period ?? '10s');
      expect(grace).toBeGreaterThan(Number(deployed.env.SHUTDOWN_TIMEOUT_MS ?? 15000));
    }
  });

  it('runs every service and the migration from the one image built by deploy/Dockerfile', () => {
    const users = Object.values<{ command?: unknown; image?: string; build?: { dockerfile?: string } }>(compose.services).filter((s) =>
      /dist\/(apps|tools)\//.test(JSON.stringify(s.command ?? '')),
    );
    expect(users).toHaveLength(SERVICES.length + 1);
    expect(new Set(users.map((s) => s.image)).size).toBe(1);
    for (const s of users) expect(s.build?.dockerfile).toBe('deploy/Dockerfile');
  });

  it('creates topics replicated to all three brokers with two in sync', () => {
    const script = JSON.stringify(compose.services['kafka-init'].command);
    expect(script).toContain('--replication-factor 3');
    expect(script).toContain('min.insync.replicas=2');
  });
});

describe('deploy/k8s', () => {
  const k8s = readK8s();
  const deployments = k8s.docs.filter((d) => d.kind === 'Deployment');
  const common = findByName(k8s.docs, 'ConfigMap', 'petition-common').data;

  it('lists every manifest in kustomization.yaml except the secret template', () => {
    const files = readdirSync(join(repoRoot, 'deploy', 'k8s')).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
    expect([...k8s.resources].sort()).toEqual(files.filter((f) => f !== 'secret.template.yaml').sort());
  });

  it('keeps secret values out of the ConfigMap and placeholders in the template', () => {
    expect(Object.keys(common).filter((k) => SECRET_VARS.includes(k) || k === 'DATABASE_URL')).toEqual([]);
    const template = readFileSync(join(repoRoot, 'deploy', 'k8s', 'secret.template.yaml'), 'utf8');
    for (const secret of k8s.secretTemplate) {
      for (const value of Object.values<string>(secret.stringData)) expect(value).toMatch(/^REPLACE_ME/);
    }
    expect(template).toContain('NOT APPLIED BY kustomization.yaml');
  });

  it.each(SERVICES)('runs %s as two replicas, probed on /health, with a Service on its port', (svc) => {
    const deployment = findByName(k8s.docs, 'Deployment', svc);
    const [container] = podContainers(deployment);
    expect(deployment.spec.replicas).toBe(2);
    for (const probe of [container.readinessProbe, container.livenessProbe]) {
      expect(probe.httpGet.path).toBe('/health');
      expect(containerPort(container, probe.httpGet.port)).toBe(DEFAULT_PORTS[svc]);
    }
    const [servicePort] = findByName(k8s.docs, 'Service', svc).spec.ports;
    expect(servicePort.port).toBe(DEFAULT_PORTS[svc]);
    expect(containerPort(container, servicePort.targetPort)).toBe(DEFAULT_PORTS[svc]);
  });

  it.each(SERVICES)('lets %s finish its graceful shutdown before it is killed', (svc) => {
    const deployment = findByName(k8s.docs, 'Deployment', svc);
    const [container] = podContainers(deployment);
    const preStop = container.lifecycle?.preStop;
    const sleepMs = 1000 * Number(preStop?.sleep?.seconds ?? preStop?.exec?.command?.[1] ?? NaN);
    expect(sleepMs).toBeGreaterThan(0);
    expect(deployment.spec.template.spec.terminationGracePeriodSeconds * 1000).toBeGreaterThan(
      Number(common.SHUTDOWN_TIMEOUT_MS) + sleepMs,
    );
  });

  it('gives every service container resource requests and limits', () => {
    for (const container of deployments.flatMap(podContainers)) {
      expect(container.resources.requests).toEqual({ cpu: expect.anything(), memory: expect.anything() });
      expect(container.resources.limits).toEqual(expect.objectContaining({ cpu: expect.anything(), memory: expect.anything() }));
    }
  });

  it('runs the services and the migration Job from one image, the console from its own', () => {
    const jobs = k8s.docs.filter((d) => d.kind === 'Job');
    const services = deployments.filter((d) => d.metadata.name !== 'console');
    const images = new Set([...services, ...jobs].flatMap(podContainers).map((c) => c.image));
    expect(jobs).toHaveLength(1);
    expect([...images]).toEqual(['petition-platform']);
    expect(podContainers(findByName(k8s.docs, 'Deployment', 'console')).map((c) => c.image)).toEqual(['petition-console']);
    const kustomization = parse(readFileSync(join(repoRoot, 'deploy', 'k8s', 'kustomization.yaml'), 'utf8'));
    expect(kustomization.images.map((i: { name: string }) => i.name).sort()).toEqual(['petition-console', 'petition-platform']);
  });

  it('replicates every topic three times with two in sync', () => {
    for (const topic of k8s.docs.filter((d) => d.kind === 'KafkaTopic')) {
      expect({ topic: topic.spec.topicName, replicas: topic.spec.replicas, minIsr: topic.spec.config['min.insync.replicas'] }).toEqual({
        topic: topic.spec.topicName,
        replicas: 3,
        minIsr: 2,
      });
    }
  });
});

describe("the staff console's origin", () => {
  const PREFIXES = CONSOLE_SERVICES.map((svc) => consolePrefix(svc));
  const stages = readDockerfileStages();
  const consoleStage = stages.get('console') ?? [];
  /** Where the console image puts each file of deploy/nginx/ (its COPY lines). */
  const copied = new Map(
    consoleStage.flatMap((line) => {
      const m = /^COPY\s+deploy\/nginx\/(\S+)\s+(\S+)$/.exec(line);
      return m ? [[m[2], m[1]] as const] : [];
    }),
  );
  /** A server config with the snippets it includes (as the image lays them out) read in. */
  const withIncludes = (file: string): NginxConfig => {
    const config = readNginx(file);
    for (const path of config.includes) {
      const snippet = copied.get(path);
      if (!snippet) throw new Error(`${file} includes ${path}, which the console image does not contain`);
      const included = readNginx(snippet);
      config.locations.push(...included.locations);
      config.server.push(...included.server.filter((d) => d.name !== 'location'));
    }
    return config;
  };
  const directive = (directives: Array<{ name: string; args: string[] }>, name: string) => directives.find((d) => d.name === name)?.args;
  const returns404 = (config: NginxConfig, modifier: string, path: string) => {
    const location = config.locations.find((l) => l.modifier === modifier && l.path === path);
    return directive(location?.directives ?? [], 'return')?.[0];
  };

  it('reaches every service, and only services, under its own prefix', () => {
    expect([...CONSOLE_SERVICES].sort()).toEqual(appsInSource());
    expect(new Set(PREFIXES).size).toBe(PREFIXES.length);
    for (const prefix of PREFIXES) expect(prefix).toMatch(/^\/[a-z]+$/);
    // A service prefix is never mistaken for an API call under an unknown prefix, nor for the sign-in.
    for (const prefix of PREFIXES) expect(prefix.startsWith(DEV_AUTH_PREFIX)).toBe(false);
    expect(API_LIKE_PATH.test('/nosuch/api/x') && API_LIKE_PATH.test('/api/x') && !API_LIKE_PATH.test('/handler/inbox')).toBe(true);
  });

  describe('docker compose', () => {
    const compose = readCompose();
    const service = compose.services.console;
    const nginx = withIncludes('console-compose.conf');

    it('runs the console image from deploy/Dockerfile with deploy/nginx/console-compose.conf', () => {
      expect(service.build).toEqual({ context: '.', dockerfile: 'deploy/Dockerfile', target: 'console' });
      expect(service.volumes).toContain('./deploy/nginx/console-compose.conf:/etc/nginx/conf.d/default.conf:ro');
      expect(copied.get('/etc/nginx/conf.d/default.conf')).toBe('console.conf');
    });

    it(`listens on ${DEFAULT_CONSOLE_PORT}, published on loopback only`, () => {
      expect(nginx.listen).toEqual([DEFAULT_CONSOLE_PORT]);
      expect(service.ports).toEqual([`127.0.0.1:${DEFAULT_CONSOLE_PORT}:${DEFAULT_CONSOLE_PORT}`]);
    });

    it('routes exactly the service prefixes, each to its service on its port with the prefix stripped', () => {
      const proxied = nginx.locations.filter((l) => l.directives.some((d) => d.name === 'proxy_pass'));
      expect(proxied.map((l) => l.path).sort()).toEqual(PREFIXES.map((p) => `${p}/`).sort());
      for (const svc of CONSOLE_SERVICES) {
        const location = proxied.find((l) => l.path === `${consolePrefix(svc)}/`);
        // ^~: no regular-expression location of the snippet (files, unknown API paths) can take it.
        expect({ svc, modifier: location?.modifier }).toEqual({ svc, modifier: '^~' });
        expect({ svc, set: directive(location?.directives ?? [], 'set') }).toEqual({
          svc,
          set: ['$service', `${svc}:${DEFAULT_PORTS[svc]}`],
        });
        expect({ svc, rewrite: directive(location?.directives ?? [], 'rewrite') }).toEqual({
          svc,
          rewrite: [`^${consolePrefix(svc)}(/.*)$`, '$1', 'break'],
        });
        expect(directive(location?.directives ?? [], 'proxy_pass')).toEqual(['http://$service']);
        expect(compose.services[svc]).toBeDefined();
      }
    });

    it('streams bodies and answers 502 SERVICE_UNAVAILABLE in JSON for a service that is down', () => {
      expect(directive(nginx.server, 'proxy_request_buffering')).toEqual(['off']);
      expect(directive(nginx.server, 'error_page')).toEqual(['502', '503', '504', '=', '@service_unavailable']);
      const fallback = nginx.locations.find((l) => l.path === '@service_unavailable');
      const [status, body] = directive(fallback?.directives ?? [], 'return') ?? [];
      expect(status).toBe('502');
      expect(JSON.parse(body)).toEqual({ statusCode: 502, code: 'SERVICE_UNAVAILABLE', message: expect.any(String), details: [] });
    });
  });

  describe('deploy/k8s', () => {
    const k8s = readK8s();
    const ingress = findByName(k8s.docs, 'Ingress', 'console');
    const rules = ingress.spec.rules as Array<{
      host: string;
      http: { paths: Array<{ path: string; pathType: string; backend: { service: { name: string; port: { number: number } } } }> };
    }>;
    const paths = rules.flatMap((r) => r.http.paths);

    it('has one nginx Ingress with TLS for its host', () => {
      expect(ingress.spec.ingressClassName).toBe('nginx');
      expect(ingress.spec.tls).toEqual([{ hosts: rules.map((r) => r.host), secretName: expect.any(String) }]);
      expect(ingress.metadata.annotations['nginx.ingress.kubernetes.io/use-regex']).toBe('true');
      expect(ingress.metadata.annotations['nginx.ingress.kubernetes.io/rewrite-target']).toBe('/$1');
      expect(ingress.metadata.annotations['nginx.ingress.kubernetes.io/proxy-request-buffering']).toBe('off');
    });

    it('routes exactly the service prefixes to the services on their ports, and the rest to the console', () => {
      const routes = Object.fromEntries(paths.map((p) => [p.path, `${p.backend.service.name}:${p.backend.service.port.number}`]));
      expect(routes).toEqual({
        ...Object.fromEntries(CONSOLE_SERVICES.map((svc) => [`${consolePrefix(svc)}/(.*)`, `${svc}:${DEFAULT_PORTS[svc]}`])),
        '/(.*)': `console:${DEFAULT_CONSOLE_PORT}`,
      });
      for (const p of paths) expect(p.pathType).toBe('ImplementationSpecific');
      for (const svc of [...CONSOLE_SERVICES, 'console']) expect(findByName(k8s.docs, 'Service', svc)).toBeDefined();
    });

    it(`serves the console on ${DEFAULT_CONSOLE_PORT} from nginx's built files`, () => {
      const deployment = findByName(k8s.docs, 'Deployment', 'console');
      const [container] = podContainers(deployment);
      const [servicePort] = findByName(k8s.docs, 'Service', 'console').spec.ports;
      expect(servicePort.port).toBe(DEFAULT_CONSOLE_PORT);
      expect(containerPort(container, servicePort.targetPort)).toBe(DEFAULT_CONSOLE_PORT);
      expect(withIncludes('console.conf').listen).toEqual([DEFAULT_CONSOLE_PORT]);
      expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
      expect(container.volumeMounts).toEqual(expect.arrayContaining([expect.objectContaining({ mountPath: '/tmp' })]));
    });
  });

  describe('the console image (deploy/Dockerfile, target console)', () => {
    it('builds apps/console with Vite and serves dist/apps/console from the root the nginx config names', () => {
      const root = directive(readNginx('console-static.conf').server, 'root')?.[0];
      expect(stages.get('console-build')?.join('\n')).toContain('vite build --config apps/console/vite.config.ts');
      expect(consoleStage).toContain(`COPY --from=console-build /app/dist/apps/console ${root}`);
    });

    it('keeps the services image from compiling the console (Vite builds it; tsc would write into dist/apps/console)', () => {
      const tsconfig = ts.parseConfigFileTextToJson(
        'tsconfig.build.json',
        readFileSync(join(repoRoot, 'tsconfig.build.json'), 'utf8'),
      ).config;
      expect(tsconfig.exclude).toEqual(expect.arrayContaining([expect.stringMatching(/^apps\/console(\/|$)/)]));
    });
  });

  describe('has no development sign-in in production', () => {
    it.each(['console.conf', 'console-compose.conf'])('%s answers 404 under /auth/dev and proxies nothing there', (file) => {
      const nginx = withIncludes(file);
      expect(returns404(nginx, '=', DEV_AUTH_PREFIX)).toBe('404');
      expect(returns404(nginx, '^~', `${DEV_AUTH_PREFIX}/`)).toBe('404');
      for (const l of nginx.locations.filter((l) => l.directives.some((d) => d.name === 'proxy_pass'))) {
        expect(l.path.startsWith('/auth')).toBe(false);
      }
    });

    it('the Ingress sends /auth/dev/... nowhere but the console', () => {
      const k8s = readK8s();
      const paths = findByName(k8s.docs, 'Ingress', 'console').spec.rules.flatMap((r: { http: { paths: unknown[] } }) => r.http.paths);
      const takers = paths.filter((p: { path: string }) => new RegExp(`^${p.path}$`).test(`${DEV_AUTH_PREFIX}/token`));
      expect(takers.map((p: { backend: { service: { name: string } } }) => p.backend.service.name)).toEqual(['console']);
    });

    it('no production manifest names the sign-in routes', () => {
      const files = [
        join(repoRoot, 'docker-compose.yml'),
        ...readdirSync(join(repoRoot, 'deploy', 'k8s')).map((f) => join(repoRoot, 'deploy', 'k8s', f)),
      ];
      for (const file of files)
        expect({ file, mentions: /auth\/dev\/(users|token)/.test(readFileSync(file, 'utf8')) }).toEqual({ file, mentions: false });
    });
  });
});

/** The number behind a probe's or Service's port, which may name a container port. */
function containerPort(container: { ports: Array<{ name?: string; containerPort: number }> }, port: string | number): number | undefined {
  return typeof port === 'number' ? port : container.ports.find((p) => p.name === port)?.containerPort;
}
