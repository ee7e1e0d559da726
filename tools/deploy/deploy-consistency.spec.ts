// The contracts' event classes carry class-validator decorators, which need the Reflect metadata
// API that Nest would otherwise have loaded first.
import 'reflect-metadata';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TopicDefinitions, deadLetterTopic } from '@petition/contracts';
import { COMMON_ENV_VARS } from '@petition/service-kit';
import {
  appsInSource,
  composeShape,
  durationMs,
  findByName,
  k8sShape,
  podContainers,
  readCompose,
  readK8s,
  repoRoot,
  serviceEnvVars,
  type DeploymentShape,
} from './deploy-manifests';

/**
 * Holds docker-compose.yml and deploy/k8s to the code: the same five services, each given only
 * variables its code reads and every variable it cannot start without, on its default port, and
 * exactly the topics the contracts define plus one dead-letter topic per consumer group. Nothing
 * here can be built or run on a machine without Docker, so this is the check that the production
 * shape still matches the code after a service, variable or topic changes.
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

  it('runs the services and the migration Job from one image', () => {
    const jobs = k8s.docs.filter((d) => d.kind === 'Job');
    const images = new Set([...deployments, ...jobs].flatMap(podContainers).map((c) => c.image));
    expect(jobs).toHaveLength(1);
    expect([...images]).toEqual(['petition-platform']);
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

/** The number behind a probe's or Service's port, which may name a container port. */
function containerPort(container: { ports: Array<{ name?: string; containerPort: number }> }, port: string | number): number | undefined {
  return typeof port === 'number' ? port : container.ports.find((p) => p.name === port)?.containerPort;
}
