// Kafka through kafkajs for the judging scripts: read a topic's records from the beginning, write records to a new
// topic, and look at the wire format's header.
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { required } from './harness.mjs';

const READ_TIMEOUT_MS = 30000;

/** A kafkajs client of KAFKA_BOOTSTRAP. */
export function kafkaOf(clientId) {
  return new Kafka({
    clientId,
    brokers: required('KAFKA_BOOTSTRAP', '127.0.0.1:9092').split(','),
    logLevel: logLevel.ERROR,
    retry: { retries: 5 },
  });
}

/** The first `count` records of the topic ({ key, value, offset }), in offset order, read by a fresh consumer group. */
export async function readFromKafka(kafka, topic, count) {
  const consumer = kafka.consumer({ groupId: `castle-judge-${topic}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const seen = [];
    await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`read ${seen.length} of ${count} records of ${topic} within ${READ_TIMEOUT_MS} ms`)),
        READ_TIMEOUT_MS,
      );
      consumer
        .run({
          eachMessage: async ({ message }) => {
            seen.push(message);
            if (seen.length >= count) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
    return seen.sort((a, b) => Number(BigInt(a.offset) - BigInt(b.offset)));
  } finally {
    await consumer.disconnect();
  }
}

/** Creates the topic with one partition unless it exists, then writes the messages ({ key?, value }) in order. */
export async function writeToKafka(kafka, topic, messages) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    // asked first: kafkajs logs an error for a topic that already exists, even though it then carries on
    if (!(await admin.listTopics()).includes(topic)) {
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    }
  } finally {
    await admin.disconnect();
  }
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    return await producer.send({ topic, messages });
  } finally {
    await producer.disconnect();
  }
}

/** The magic byte and schema id at the start of a record in Confluent's wire format. */
export function header(bytes) {
  return { magic: bytes[0], id: bytes.readInt32BE(1) };
}
