// The REST Proxy judged by real clients, both ways, for Avro, JSON Schema and Protobuf: records produced through the
// proxy are read from Kafka with kafkajs and decoded by the npm registry clients; records the clients encode and
// kafkajs writes are consumed through the proxy. Either way the JSON must come out exactly as it went in.
import { fromJson, ScalarType, toJson } from '@bufbuild/protobuf';
import {
  AvroDeserializer,
  AvroSerializer,
  JsonDeserializer,
  JsonSerializer,
  ProtobufDeserializer,
  ProtobufSerializer,
  SchemaRegistryClient,
  SerdeType,
} from '@confluentinc/schemaregistry';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { assert, http, registryUrl, required, RUN, suite } from './harness.mjs';
import { readingFile, registryOf } from './protodesc.mjs';
import { proxy as schemas } from './schemas.mjs';

const registry = registryUrl();
const restUrl = required('CASTLE_REST_URL', 'http://127.0.0.1:8082');
const kafka = new Kafka({
  clientId: 'castle-rest-proxy-judge',
  brokers: required('KAFKA_BOOTSTRAP', '127.0.0.1:9092').split(','),
  logLevel: logLevel.ERROR,
  retry: { retries: 5 },
});
const { step, finish } = suite('rest-proxy');
const V2 = 'application/vnd.kafka.v2+json';
const READ_TIMEOUT_MS = 30000;

// ---- what goes through the proxy: JSON as the proxy takes and gives it ----

const AVRO_VALUES = [
  {
    label: 'kitchen',
    count: 3,
    total: 5000000000,
    ratio: 2.5,
    active: true,
    note: null,
    kind: 'TEMPERATURE',
    tags: ['warm', 'dry'],
    counts: { apples: 2, pears: 0 },
    payload: Buffer.from('castle').toString('base64'),
  },
  {
    label: 'cellar',
    count: -7,
    total: -1,
    ratio: -0.125,
    active: false,
    note: 'damp',
    kind: 'HUMIDITY',
    tags: [],
    counts: {},
    payload: '',
  },
];

const JSON_VALUES = [
  { id: 5000000000, label: 'kitchen', ratio: 2.5, active: true, note: null, tags: ['warm'], sensor: { name: 't1', floor: 3 } },
  { id: 2, label: 'cellar', ratio: -0.125, active: false, note: 'damp', tags: [], sensor: { name: 'h1', floor: -1 } },
];

// proto field names, every field shown (retries and active at their defaults), enums by name, int64 as numbers
const PROTOBUF_VALUES = [
  {
    id: 5000000000,
    label: 'kitchen',
    retries: 0,
    ratio: 2.5,
    active: true,
    kind: 'TEMPERATURE',
    main_sensor: { name: 't1', floor: 3 },
    tags: ['warm', 'dry'],
    spare_sensors: [{ name: 't2', floor: 0 }],
    samples: [1, -5000000000],
  },
  {
    id: -7,
    label: 'cellar',
    retries: 4,
    ratio: -0.125,
    active: false,
    kind: 'HUMIDITY',
    main_sensor: { name: 'h1', floor: -1 },
    tags: [],
    spare_sensors: [],
    samples: [],
  },
];

// ---- the two registry clients, each turning proxy JSON into what its users hand it and back ----

const KIND_NUMBERS = { KIND_UNKNOWN: 0, TEMPERATURE: 1, HUMIDITY: 2 };

/** @kafkajs/confluent-schema-registry: plain objects; Protobuf through protobufjs (camelCase names, enum numbers). */
const kafkajsClient = {
  name: '@kafkajs/confluent-schema-registry',
  short: 'kafkajs',
  caveats: { PROTOBUF: ' (adding the message index 0 the client leaves out)' },
  types: { AVRO: SchemaType.AVRO, JSON: SchemaType.JSON, PROTOBUF: SchemaType.PROTOBUF },
  registry: () => new SchemaRegistry({ host: registry, retry: { retries: 0 } }),

  async register(format, subject) {
    const { id } = await this.registry().register({ type: this.types[format.type], schema: format.schema }, { subject });
    return id;
  },

  async encode(format, id, value) {
    const client = this.registry();
    if (format.type === 'PROTOBUF') {
      // the client writes no message-index path after the schema id (kafkajs/confluent-schema-registry#152);
      // the wire format wants one, [0] (one zero byte) for the file's first message
      const framed = await client.encode(id, camelCase(value, (k, v) => (k === 'kind' ? KIND_NUMBERS[v] : v)));
      return framed[5] === 0 ? framed : Buffer.concat([framed.subarray(0, 5), Buffer.from([0]), framed.subarray(5)]);
    }
    return client.encode(id, format.type === 'AVRO' ? avroBytes(value) : value);
  },

  async decode(format, bytes) {
    const decoded = await this.registry().decode(bytes);
    if (format.type === 'PROTOBUF') {
      const object = decoded.constructor.toObject(decoded, { longs: Number, enums: String, defaults: true, arrays: true });
      return snakeCase(object);
    }
    return plainJson(decoded);
  },
};

/** @confluentinc/schemaregistry: its serializers and deserializers; Protobuf as @bufbuild/protobuf messages. */
const confluentClient = {
  name: '@confluentinc/schemaregistry',
  short: 'confluent',
  caveats: {},
  serdes: {
    AVRO: { Serializer: AvroSerializer, Deserializer: AvroDeserializer },
    JSON: { Serializer: JsonSerializer, Deserializer: JsonDeserializer },
    PROTOBUF: { Serializer: ProtobufSerializer, Deserializer: ProtobufDeserializer },
  },
  client: () => SchemaRegistryClient.newClient({ baseURLs: [registry], maxRetries: 0 }),

  async register(format, subject) {
    return this.client().register(subject, { schemaType: format.type, schema: format.schema });
  },

  async encode(format, id, value, topic) {
    const { Serializer } = this.serdes[format.type];
    if (format.type === 'PROTOBUF') {
      const { messages } = registryOf(readingFile);
      const serializer = new Serializer(this.client(), SerdeType.VALUE, { useLatestVersion: true, registry: messages });
      return serializer.serialize(topic, fromJson(messages.getMessage('castle.proxy.Reading'), value));
    }
    const serializer = new Serializer(this.client(), SerdeType.VALUE, { useLatestVersion: true });
    return serializer.serialize(topic, format.type === 'AVRO' ? avroBytes(value) : value);
  },

  async decode(format, bytes, topic) {
    const deserializer = new this.serdes[format.type].Deserializer(this.client(), SerdeType.VALUE, {});
    const decoded = await deserializer.deserialize(topic, bytes);
    if (format.type === 'PROTOBUF') {
      // through the descriptor the registry served (format=serialized), not one of ours
      const served = deserializer.fileRegistry.getMessage(decoded.$typeName);
      const json = toJson(served, decoded, { useProtoFieldName: true, alwaysEmitImplicit: true });
      return int64sAsNumbers(served, json);
    }
    return plainJson(decoded);
  },
};

const CLIENTS = [kafkajsClient, confluentClient];

const FORMATS = [
  { type: 'AVRO', wire: 'avro', schema: schemas.avro, values: AVRO_VALUES },
  { type: 'JSON', wire: 'jsonschema', schema: schemas.json, values: JSON_VALUES },
  { type: 'PROTOBUF', wire: 'protobuf', schema: schemas.protobuf, values: PROTOBUF_VALUES },
];

// ---- JSON shapes ----

/** Avro bytes go through the proxy as base64 and through the clients as Buffers. */
function avroBytes(value) {
  return { ...value, payload: Buffer.from(value.payload, 'base64') };
}

/** Decoded values as plain JSON: record instances become objects, bytes base64, bigints numbers. */
function plainJson(value) {
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) {
    return Buffer.from(value).toString('base64');
  }
  if (typeof value === 'bigint') {
    return Number(value);
  }
  if (Array.isArray(value)) {
    return value.map(plainJson);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainJson(v)]));
  }
  return value;
}

/** protobufjs names fields in lowerCamelCase; the fixtures use the .proto's snake_case names. */
function camelCase(value, convert = (k, v) => v) {
  return renameKeys(value, (k) => k.replace(/_([a-z])/g, (m, c) => c.toUpperCase()), convert);
}

function snakeCase(value) {
  return renameKeys(value, (k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
}

function renameKeys(value, rename, convert = (k, v) => v) {
  if (Array.isArray(value)) {
    return value.map((v) => renameKeys(v, rename, convert));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [rename(k), convert(k, renameKeys(v, rename, convert))]));
  }
  return value;
}

const LONGS = new Set([ScalarType.INT64, ScalarType.UINT64, ScalarType.SINT64, ScalarType.FIXED64, ScalarType.SFIXED64]);

/** Protobuf's canonical JSON quotes 64-bit integers; the proxy answers them as numbers. */
function int64sAsNumbers(desc, json) {
  for (const field of desc.fields) {
    const value = json[field.name];
    if (value === undefined || value === null) {
      continue;
    }
    if (field.fieldKind === 'scalar' && LONGS.has(field.scalar)) {
      json[field.name] = Number(value);
    } else if (field.fieldKind === 'list' && field.listKind === 'scalar' && LONGS.has(field.scalar)) {
      json[field.name] = value.map(Number);
    } else if (field.fieldKind === 'message') {
      int64sAsNumbers(field.message, value);
    } else if (field.fieldKind === 'list' && field.listKind === 'message') {
      value.forEach((item) => int64sAsNumbers(field.message, item));
    }
  }
  return json;
}

// ---- the proxy over HTTP, Kafka through kafkajs ----

async function rest(method, url, { contentType, accept, body } = {}) {
  const headers = {};
  if (contentType) {
    headers['Content-Type'] = contentType;
  }
  if (accept) {
    headers.Accept = accept;
  }
  const target = url.startsWith('http') ? url : restUrl + url;
  const response = await fetch(target, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  if (!response.ok) {
    throw Object.assign(new Error(`${method} ${target} answered ${response.status}`), { status: response.status, body: json });
  }
  return json;
}

/** Every value of the topic's records, in offset order, read from the beginning by a fresh consumer group. */
async function readFromKafka(topic, count) {
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
    return seen.sort((a, b) => Number(BigInt(a.offset) - BigInt(b.offset))).map((m) => m.value);
  } finally {
    await consumer.disconnect();
  }
}

async function writeToKafka(topic, values) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    return await producer.send({ topic, messages: values.map((value) => ({ value })) });
  } finally {
    await producer.disconnect();
  }
}

/** A consumer instance of the format: subscribe, fetch until the topic's records are in, then delete it. */
async function consumeThroughProxy(format, topic, count) {
  const group = `castle-judge-${topic}`;
  const created = await rest('POST', `/consumers/${group}`, {
    contentType: V2,
    body: { name: 'judge', format: format.wire, 'auto.offset.reset': 'earliest' },
  });
  const base = created.base_uri;
  try {
    await rest('POST', `${base}/subscription`, { contentType: V2, body: { topics: [topic] } });
    const records = [];
    for (let i = 0; i < 30 && records.length < count; i++) {
      const batch = await rest('GET', `${base}/records?timeout=1000`, {
        accept: `application/vnd.kafka.${format.wire}.v2+json`,
      });
      records.push(...batch.filter((r) => r.topic === topic));
    }
    assert.equal(records.length, count, `records of ${topic} fetched through the proxy`);
    return records.sort((a, b) => a.offset - b.offset);
  } finally {
    await rest('DELETE', base, { contentType: V2 }).catch(() => {});
  }
}

/** A deep-equality check whose failure keeps node's diff and adds what the owner of the proxy needs to see. */
function sameJson(actual, expected, context) {
  try {
    assert.deepEqual(actual, expected);
  } catch (error) {
    error.message = `${error.message}\n${context()}`;
    throw error;
  }
}

function header(bytes) {
  return { magic: bytes[0], id: bytes.readInt32BE(1) };
}

// ---- the two directions ----

/** (a) produce through the proxy; read the bytes with kafkajs; each client decodes them to the JSON sent. */
async function proxyToClients(format) {
  const topic = `proxy-in-${format.wire}-${RUN}`;
  const label = (what) => `${format.type}: ${what}`;
  const [first, ...others] = format.values;
  const id = await step(label('produce through the proxy, with value_schema then value_schema_id'), async () => {
    const produce = async (body) => {
      const answer = await rest('POST', `/topics/${topic}`, { contentType: `application/vnd.kafka.${format.wire}.v2+json`, body });
      assert.ok(Number.isInteger(answer.value_schema_id), `value_schema_id in ${JSON.stringify(answer)}`);
      assert.equal(answer.offsets.length, body.records.length);
      assert.ok(answer.offsets.every((o) => o.error_code == null), `offsets ${JSON.stringify(answer.offsets)}`);
      return answer.value_schema_id;
    };
    const registered = await produce({ value_schema: format.schema, records: [{ value: first }] });
    assert.equal(await produce({ value_schema_id: registered, records: others.map((value) => ({ value })) }), registered);
    // topic_name strategy: the proxy registered the schema under {topic}-value
    const latest = await http('GET', `/subjects/${encodeURIComponent(`${topic}-value`)}/versions/latest`);
    assert.equal(latest.json?.id, registered, `latest of ${topic}-value: ${JSON.stringify(latest.json)}`);
    return registered;
  });
  if (id === undefined) {
    return;
  }
  let written;
  await step(label('kafkajs reads the proxy\'s records from Kafka (magic byte 0, the answered id)'), async () => {
    written = await readFromKafka(topic, format.values.length);
    for (const bytes of written) {
      assert.deepEqual(header(bytes), { magic: 0, id });
    }
    return `${written.length} records, the first ${written[0].toString('hex')}`;
  });
  if (written === undefined) {
    return;
  }
  for (const client of CLIENTS) {
    await step(label(`${client.name} decodes the proxy's records to the JSON sent`), async () => {
      const decoded = [];
      for (const bytes of written) {
        decoded.push(await client.decode(format, bytes, topic));
      }
      sameJson(decoded, format.values, () => `the records' bytes: ${written.map((b) => b.toString('hex')).join(' ')}`);
      return decoded[0];
    });
  }
}

/** (b) each client registers and encodes; kafkajs writes; the proxy consumes the records as the JSON encoded. */
async function clientToProxy(format, client) {
  const topic = `proxy-out-${format.wire}-${client.short}-${RUN}`;
  const label = (what) => `${format.type}: ${what}`;
  const caveat = client.caveats[format.type] ?? '';
  const id = await step(label(`${client.name} registers ${topic}-value and encodes${caveat}; kafkajs writes to Kafka`), async () => {
    const registered = await client.register(format, `${topic}-value`);
    const encoded = [];
    for (const value of format.values) {
      const bytes = await client.encode(format, registered, value, topic);
      assert.deepEqual(header(bytes), { magic: 0, id: registered });
      encoded.push(bytes);
    }
    await writeToKafka(topic, encoded);
    return registered;
  });
  if (id === undefined) {
    return;
  }
  await step(label(`the proxy consumes ${client.name}'s records (format ${format.wire}) as the JSON encoded`), async () => {
    const records = await consumeThroughProxy(format, topic, format.values.length);
    sameJson(
      records.map((r) => r.value),
      format.values,
      () => `the proxy answered ${JSON.stringify(records)}`,
    );
    assert.ok(records.every((r) => r.key === null), `keys ${JSON.stringify(records.map((r) => r.key))}`);
    return records[0].value;
  });
}

for (const format of FORMATS) {
  await proxyToClients(format);
  for (const client of CLIENTS) {
    await clientToProxy(format, client);
  }
}
finish();
