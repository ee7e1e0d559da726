import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Kafka, logLevel } from 'kafkajs';
import type { ProduceTask } from './produce-worker';

/*
 * Broker throughput benchmark: `npm run bench:broker [-- --messages 200000 --size 1024
 * --producers 4 --threads 2 --batch 500 --partitions 4]`. The broker runs in its own process,
 * as it does for real, so client and broker do not share an event loop. Produces with acks=-1
 * from several concurrent producers (spread over worker threads), then consumes everything
 * with one consumer. Prints a table and one JSON line.
 */
interface BenchSettings {
  messages: number;
  size: number;
  producers: number;
  /** Worker threads the producers are spread over. */
  threads: number;
  batch: number;
  partitions: number;
}

function settingsFrom(argv: string[]): BenchSettings {
  const settings: BenchSettings = { messages: 200_000, size: 1024, producers: 4, threads: 2, batch: 500, partitions: 4 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '') as keyof BenchSettings;
    if (!(key in settings)) throw new Error(`unknown option ${argv[i]}`);
    settings[key] = Number(argv[i + 1]);
  }
  // Every producer sends the same share, so the total is what is reported.
  settings.messages = Math.floor(settings.messages / settings.producers) * settings.producers;
  return settings;
}

function startBrokerProcess(dataDir: string): Promise<{ child: ChildProcess; address: string }> {
  const cli = path.join(__dirname, '..', 'src', 'cli.ts');
  // BROKER_NODE_ARGS passes flags such as --cpu-prof to the broker process only.
  const nodeArgs = (process.env.BROKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '-r', '@swc-node/register', cli, '--port', '0', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\S+:\d+)/.exec(output);
      if (match) resolve({ child, address: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`broker exited with ${code} before listening:\n${output}`)));
  });
}

/** CPU seconds the process has used so far (Linux /proc), or NaN elsewhere. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs the producers on `threads` worker threads and times the whole produce phase. */
async function produce(address: string, topic: string, s: BenchSettings): Promise<{ seconds: number; latencies: number[] }> {
  const perProducer = s.messages / s.producers;
  const perThread = Math.ceil(s.producers / s.threads);
  const worker = path.join(__dirname, 'produce-worker.ts');
  const threads = Array.from({ length: s.threads }, (_, t) => {
    const task: ProduceTask = {
      address,
      topic,
      producers: Math.min(perThread, s.producers - t * perThread),
      messagesPerProducer: perProducer,
      batch: s.batch,
      size: s.size,
    };
    // The worker inherits the -r @swc-node/register preload of this process.
    const thread = new Worker(`require(${JSON.stringify(worker)})`, { eval: true, workerData: task });
    const ready = new Promise<void>((resolve, reject) => {
      thread.once('message', () => resolve());
      thread.once('error', reject);
    });
    return { thread, ready };
  });
  await Promise.all(threads.map((t) => t.ready));
  const started = process.hrtime.bigint();
  const results = await Promise.all(
    threads.map(
      ({ thread }) =>
        new Promise<number[]>((resolve, reject) => {
          thread.once('message', (m: { latencies?: number[]; error?: string }) =>
            m.error ? reject(new Error(m.error)) : resolve(m.latencies ?? []),
          );
          thread.once('error', reject);
          thread.postMessage('go');
        }),
    ),
  );
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, latencies: results.flat() };
}

async function consume(kafka: Kafka, topic: string, total: number): Promise<number> {
  const consumer = kafka.consumer({ groupId: `bench-${Date.now()}`, maxWaitTimeInMs: 100, maxBytesPerPartition: 4 * 1024 * 1024 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let received = 0;
  // Timed from run(): the group join is part of what a consumer pays.
  const started = process.hrtime.bigint();
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      eachBatchAutoResolve: true,
      eachBatch: async ({ batch }) => {
        received += batch.messages.length;
        if (received >= total) resolve();
      },
    });
  });
  await done;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await consumer.disconnect();
  return seconds;
}

async function main(): Promise<void> {
  const s = settingsFrom(process.argv.slice(2));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'broker-bench-'));
  const { child, address } = await startBrokerProcess(dataDir).catch((error: Error) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  try {
    const kafka = new Kafka({ brokers: [address], clientId: 'bench', logLevel: logLevel.ERROR });
    const topic = `bench-${Date.now()}`;
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: s.partitions }] });
    await admin.disconnect();

    const cpuAtStart = cpuSeconds(child.pid);
    const produced = await produce(address, topic, s);
    const cpuAfterProduce = cpuSeconds(child.pid);
    const consumeSeconds = await consume(kafka, topic, s.messages);
    const cpuAfterConsume = cpuSeconds(child.pid);
    const megabytes = (s.messages * s.size) / (1024 * 1024);
    const result = {
      messages: s.messages,
      messageBytes: s.size,
      producers: s.producers,
      threads: s.threads,
      batch: s.batch,
      partitions: s.partitions,
      produceMsgPerSec: Math.round(s.messages / produced.seconds),
      produceMBPerSec: Number((megabytes / produced.seconds).toFixed(1)),
      produceP50Ms: Number(percentile(produced.latencies, 50).toFixed(1)),
      produceP99Ms: Number(percentile(produced.latencies, 99).toFixed(1)),
      consumeMsgPerSec: Math.round(s.messages / consumeSeconds),
      consumeMBPerSec: Number((megabytes / consumeSeconds).toFixed(1)),
      brokerCpuProducePct: Math.round((100 * (cpuAfterProduce - cpuAtStart)) / produced.seconds),
      brokerCpuConsumePct: Math.round((100 * (cpuAfterConsume - cpuAfterProduce)) / consumeSeconds),
    };
    console.table({
      produce: {
        'msg/s': result.produceMsgPerSec,
        'MB/s': result.produceMBPerSec,
        'p50 send (ms)': result.produceP50Ms,
        'p99 send (ms)': result.produceP99Ms,
        'broker CPU %': result.brokerCpuProducePct,
      },
      consume: {
        'msg/s': result.consumeMsgPerSec,
        'MB/s': result.consumeMBPerSec,
        'p50 send (ms)': '',
        'p99 send (ms)': '',
        'broker CPU %': result.brokerCpuConsumePct,
      },
    });
    console.log(JSON.stringify(result));
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
