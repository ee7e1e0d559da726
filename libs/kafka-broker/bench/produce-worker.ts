import { parentPort, workerData } from 'node:worker_threads';
import { Kafka, logLevel } from 'kafkajs';

/** What the benchmark asks one producer thread to do. */
export interface ProduceTask {
  address: string;
  topic: string;
  /** Concurrent producers in this thread, each with its own connections. */
  producers: number;
  messagesPerProducer: number;
  batch: number;
  size: number;
}

/*
 * One benchmark producer thread: producers in real deployments live in separate processes, and
 * kafkajs encodes on the thread that calls send(), so spreading producers over threads keeps
 * the client from being the only thing measured. Posts the latency of every send() in ms.
 */
async function run(task: ProduceTask): Promise<number[]> {
  const kafka = new Kafka({ clientId: 'bench-producer', brokers: [task.address], logLevel: logLevel.ERROR });
  const value = Buffer.alloc(task.size, 'x');
  const latencies: number[] = [];
  const producers = Array.from({ length: task.producers }, () => kafka.producer({ allowAutoTopicCreation: false }));
  await Promise.all(producers.map((producer) => producer.connect()));
  // Connected and warm: the main thread starts the clock once every thread is ready.
  const go = new Promise((resolve) => parentPort?.once('message', resolve));
  parentPort?.postMessage({ ready: true });
  await go;
  await Promise.all(
    producers.map(async (producer) => {
      for (let sent = 0; sent < task.messagesPerProducer; sent += task.batch) {
        const count = Math.min(task.batch, task.messagesPerProducer - sent);
        const messages = Array.from({ length: count }, (_, i) => ({ key: `k${(sent + i) % 1000}`, value }));
        const started = process.hrtime.bigint();
        await producer.send({ topic: task.topic, acks: -1, messages });
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }),
  );
  await Promise.all(producers.map((producer) => producer.disconnect()));
  return latencies;
}

run(workerData as ProduceTask).then(
  (latencies) => parentPort?.postMessage({ latencies }),
  (error: Error) => parentPort?.postMessage({ error: error.stack ?? error.message }),
);
