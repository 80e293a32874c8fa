// The REST Proxy judged by real clients, both ways, for Avro, JSON Schema and Protobuf: records produced through the
// proxy are read from Kafka with kafkajs and decoded by the npm registry clients; records the clients encode and
// kafkajs writes are consumed through the proxy. Either way the JSON must come out exactly as it went in.
import { assert, http, registryUrl, required, RUN, sameJson, suite } from './harness.mjs';
import { CLIENTS } from './codecs.mjs';
import { header, kafkaOf, readFromKafka, writeToKafka } from './kafka-io.mjs';
import { proxy as schemas } from './schemas.mjs';

registryUrl(); // exits with a hint unless CASTLE_URL is set, before any step runs
const restUrl = required('CASTLE_REST_URL', 'http://127.0.0.1:8082');
const kafka = kafkaOf('castle-rest-proxy-judge');
const { step, finish } = suite('rest-proxy');
const V2 = 'application/vnd.kafka.v2+json';

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

const FORMATS = [
  { type: 'AVRO', wire: 'avro', schema: schemas.avro, values: AVRO_VALUES },
  { type: 'JSON', wire: 'jsonschema', schema: schemas.json, values: JSON_VALUES },
  { type: 'PROTOBUF', wire: 'protobuf', schema: schemas.protobuf, values: PROTOBUF_VALUES },
];

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
    written = (await readFromKafka(kafka, topic, format.values.length)).map((m) => m.value);
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
    await writeToKafka(kafka, topic, encoded.map((value) => ({ value })));
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
