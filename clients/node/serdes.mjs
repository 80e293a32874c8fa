// Castle's Kafka serializers (serdes/) judged by real clients, both ways, for Avro, JSON Schema and Protobuf. The
// Java side (NodeSerdesIT) owns the values and the topics, and runs this script in one of three modes:
//
//   node serdes.mjs schemas      prints the `proxy` schemas of schemas.mjs as one JSON line, for the Java side to
//                                build its records and configure its serializers with
//   node serdes.mjs check-java   reads the records Castle's serializers wrote to SERDES_TOPICS with kafkajs; each
//                                npm client must decode them to SERDES_VALUES
//   node serdes.mjs write-npm    each npm client registers and encodes SERDES_VALUES; kafkajs writes them to
//                                SERDES_TOPICS keyed by the client's short name, for Castle's deserializers to read
//
// SERDES_TOPICS is {"AVRO": topic, "JSON": topic, "PROTOBUF": topic}; SERDES_VALUES is {"AVRO": [values], ...} in
// the JSON shape of codecs.mjs. CASTLE_URL names the registry, KAFKA_BOOTSTRAP the broker.
import { assert, http, registryUrl, required, sameJson, suite } from './harness.mjs';
import { CLIENTS } from './codecs.mjs';
import { header, kafkaOf, readFromKafka, writeToKafka } from './kafka-io.mjs';
import { proxy as schemas } from './schemas.mjs';

const FORMATS = [
  { type: 'AVRO', schema: schemas.avro },
  { type: 'JSON', schema: schemas.json },
  { type: 'PROTOBUF', schema: schemas.protobuf },
];

/** The setting's JSON object, keyed by format. */
function perFormat(name, example) {
  const parsed = JSON.parse(required(name, example));
  for (const { type } of FORMATS) {
    assert.ok(parsed[type] !== undefined, `${name} has no ${type}: ${JSON.stringify(parsed)}`);
  }
  return parsed;
}

/** (a) kafkajs reads what Castle's serializers wrote; every client decodes it to the values the Java side sent. */
async function checkJava(step, kafka, topics, values) {
  for (const format of FORMATS) {
    const topic = topics[format.type];
    const expected = values[format.type];
    const label = (what) => `${format.type}: ${what}`;
    let written;
    const read = await step(label(`kafkajs reads ${topic} (magic byte 0, the id of ${topic}-value)`), async () => {
      const messages = (await readFromKafka(kafka, topic, expected.length)).map((m) => m.value);
      // TopicNameStrategy: the serializer registered the schema under {topic}-value
      const latest = await http('GET', `/subjects/${encodeURIComponent(`${topic}-value`)}/versions/latest`);
      assert.equal(latest.status, 200, `latest of ${topic}-value: ${JSON.stringify(latest.json)}`);
      for (const bytes of messages) {
        assert.deepEqual(header(bytes), { magic: 0, id: latest.json.id });
      }
      written = messages;
      return `${messages.length} records with schema id ${latest.json.id}, the first ${messages[0].toString('hex')}`;
    });
    if (read === undefined) {
      continue;
    }
    for (const client of CLIENTS) {
      await step(label(`${client.name} decodes Castle's serializer's records to the values written`), async () => {
        const decoded = [];
        for (const bytes of written) {
          decoded.push(await client.decode(format, bytes, topic));
        }
        sameJson(decoded, expected, () => `the records' bytes: ${written.map((b) => b.toString('hex')).join(' ')}`);
        return decoded[0];
      });
    }
  }
}

/** (b) every client registers {topic}-value and encodes the values; kafkajs writes them keyed by the client. */
async function writeNpm(step, kafka, topics, values) {
  for (const format of FORMATS) {
    const topic = topics[format.type];
    for (const client of CLIENTS) {
      const caveat = client.caveats[format.type] ?? '';
      await step(`${format.type}: ${client.name} registers ${topic}-value and encodes${caveat}; kafkajs writes`, async () => {
        const id = await client.register(format, `${topic}-value`);
        const messages = [];
        for (const value of values[format.type]) {
          const bytes = await client.encode(format, id, value, topic);
          assert.deepEqual(header(bytes), { magic: 0, id });
          messages.push({ key: client.short, value: bytes });
        }
        await writeToKafka(kafka, topic, messages);
        return `${messages.length} records with schema id ${id}, the first ${messages[0].value.toString('hex')}`;
      });
    }
  }
}

const MODES = { 'check-java': checkJava, 'write-npm': writeNpm };
const mode = process.argv[2];

if (mode === 'schemas') {
  console.log(JSON.stringify(Object.fromEntries(FORMATS.map((f) => [f.type, f.schema]))));
} else if (MODES[mode]) {
  registryUrl(); // exits with a hint unless CASTLE_URL is set, before any step runs
  const topics = perFormat('SERDES_TOPICS', '{"AVRO":"t-avro","JSON":"t-json","PROTOBUF":"t-protobuf"}');
  const values = perFormat('SERDES_VALUES', '{"AVRO":[{...}],"JSON":[{...}],"PROTOBUF":[{...}]}');
  const { step, finish } = suite(`serdes ${mode}`);
  await MODES[mode](step, kafkaOf(`castle-serdes-judge-${mode}`), topics, values);
  finish();
} else {
  console.error('usage: node serdes.mjs schemas | check-java | write-npm');
  process.exit(2);
}
