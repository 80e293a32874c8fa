// @kafkajs/confluent-schema-registry against a live registry: register, encode and decode Avro, JSON Schema and
// Protobuf, and the lookup, latest-version and compatibility calls the client makes.
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { assert, http, registryUrl, RUN, suite } from './harness.mjs';
import * as schemas from './schemas.mjs';

const host = registryUrl();
const { step, finish } = suite('@kafkajs/confluent-schema-registry');
const client = () => new SchemaRegistry({ host, retry: { retries: 0 } });

const FORMATS = [
  {
    type: SchemaType.AVRO,
    schemas: schemas.avro,
    message: { id: 42, item: 'castle' },
    v2message: { id: 43, item: 'keep', qty: 3 },
  },
  {
    type: SchemaType.JSON,
    schemas: schemas.json,
    message: { id: 42, item: 'castle' },
    v2message: { id: 43, item: 'keep', qty: 3 },
  },
  {
    type: SchemaType.PROTOBUF,
    schemas: schemas.protobuf,
    message: { id: 42, item: 'castle' },
    v2message: { id: 43, item: 'keep', qty: 3 },
  },
];

/** Avro decodes to a record instance, Protobuf to a message whose int64 is a Long; compare plain values. */
function plain(type, decoded) {
  if (type === SchemaType.PROTOBUF) {
    return decoded.constructor.toObject(decoded, { longs: Number });
  }
  return { ...decoded };
}

async function exercise({ type, schemas: s, message, v2message }) {
  const subject = `kafkajs-${type.toLowerCase()}-${RUN}-value`;
  const registry = client();
  const label = (what) => `${type}: ${what}`;

  const v1 = await step(label('register v1 (GET /config/{s}, POST versions, PUT /config/{s})'), async () => {
    const { id } = await registry.register({ type, schema: s.v1 }, { subject });
    assert.ok(Number.isInteger(id) && id > 0, `id ${id}`);
    return id;
  });
  if (v1 === undefined) {
    return;
  }
  await step(label('register v1 again returns the same id (subject config now BACKWARD)'), async () => {
    const { id } = await client().register({ type, schema: s.v1 }, { subject });
    assert.equal(id, v1);
    return id;
  });
  const encoded = await step(label('encode with the registered id'), async () => {
    const buffer = await registry.encode(v1, message);
    assert.equal(buffer[0], 0, 'magic byte');
    assert.equal(buffer.readInt32BE(1), v1, 'schema id in the wire header');
    return buffer.toString('hex');
  });
  if (encoded !== undefined) {
    await step(label('decode with a fresh client (GET /schemas/ids/{id})'), async () => {
      const decoded = await client().decode(Buffer.from(encoded, 'hex'));
      assert.deepEqual(plain(type, decoded), message);
      return plain(type, decoded);
    });
  }
  await step(label('getSchema by id with a fresh client'), async () => {
    const schema = await client().getSchema(v1);
    assert.ok(schema, 'schema');
    return typeof schema;
  });
  await step(label('getRegistryId(subject, 1)'), async () => {
    assert.equal(await client().getRegistryId(subject, 1), v1);
  });
  await step(label('getRegistryId(subject, "latest")'), async () => {
    assert.equal(await client().getRegistryId(subject, 'latest'), v1);
  });
  await step(label('getRegistryIdBySchema lookup (POST /subjects/{s})'), async () => {
    assert.equal(await client().getRegistryIdBySchema(subject, { type, schema: s.v1 }), v1);
  });
  await step(label('getLatestSchemaId'), async () => {
    assert.equal(await client().getLatestSchemaId(subject), v1);
  });
  await step(label('compatibility of v2 against latest is true'), async () => {
    const response = await registry.api.Subject.compatible({ subject, body: body(type, s.v2) });
    assert.equal(response.data().is_compatible, true);
  });
  await step(label('compatibility of an incompatible change against latest is false'), async () => {
    const response = await registry.api.Subject.compatible({ subject, body: body(type, s.incompatible) });
    assert.equal(response.data().is_compatible, false);
  });
  await step(label('registering the incompatible change is refused with 409'), async () => {
    await assert.rejects(registry.register({ type, schema: s.incompatible }, { subject }), (error) => {
      assert.equal(error.status, 409, `status ${error.status}: ${error.message}`);
      return true;
    });
  });
  const v2 = await step(label('register v2 gives a new id'), async () => {
    const { id } = await registry.register({ type, schema: s.v2 }, { subject });
    assert.notEqual(id, v1);
    return id;
  });
  if (v2 === undefined) {
    return;
  }
  await step(label('getLatestSchemaId after v2'), async () => {
    assert.equal(await client().getLatestSchemaId(subject), v2);
  });
  await step(label('getRegistryId(subject, 2)'), async () => {
    assert.equal(await client().getRegistryId(subject, 2), v2);
  });
  await step(label('encode v2 and decode with a fresh client'), async () => {
    const buffer = await registry.encode(v2, v2message);
    const decoded = await client().decode(buffer);
    assert.deepEqual(plain(type, decoded), v2message);
  });
}

function body(type, schema) {
  return type === SchemaType.AVRO ? { schema } : { schemaType: type, schema };
}

async function avroRecordSubject() {
  // without a subject the client derives one from the Avro record's full name
  await step('AVRO: register without a subject uses the record name', async () => {
    const named = JSON.parse(schemas.avro.v1);
    named.name = `Order${RUN}`;
    const { id } = await client().register({ type: SchemaType.AVRO, schema: JSON.stringify(named) });
    assert.equal(await client().getLatestSchemaId(`castle.clients.Order${RUN}`), id);
  });
}

async function avroReference() {
  await step('AVRO: a schema referencing another subject registers, encodes and decodes', async () => {
    const target = `kafkajs-avro-ref-${RUN}`;
    const referrer = `kafkajs-avro-referrer-${RUN}-value`;
    const registry = client();
    const item = { type: 'record', name: 'Item', namespace: 'castle.clients', fields: [{ name: 'sku', type: 'string' }] };
    await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(item) }, { subject: target });
    const line = {
      type: 'record',
      name: 'Line',
      namespace: 'castle.clients',
      fields: [{ name: 'item', type: 'castle.clients.Item' }, { name: 'n', type: 'int' }],
    };
    const { id } = await registry.register(
      {
        type: SchemaType.AVRO,
        schema: JSON.stringify(line),
        references: [{ name: 'castle.clients.Item', subject: target, version: 1 }],
      },
      { subject: referrer },
    );
    const value = { item: { sku: 'k-1' }, n: 2 };
    const decoded = await client().decode(await registry.encode(id, value));
    assert.deepEqual({ ...decoded, item: { ...decoded.item } }, value);
    return id;
  });
}

async function protobufReference() {
  await step('PROTOBUF: a schema importing another subject registers, encodes and decodes', async () => {
    const common = `kafkajs-proto-common-${RUN}`;
    const registry = client();
    await registry.register(
      {
        type: SchemaType.PROTOBUF,
        schema: 'syntax = "proto3";\npackage castle.common;\n\nmessage Money {\n  string currency = 1;\n  int64 units = 2;\n}\n',
      },
      { subject: common },
    );
    const order = `syntax = "proto3";
package castle.orders;

import "castle/common.proto";

message Order {
  int64 id = 1;
  castle.common.Money price = 2;
}
`;
    const { id } = await registry.register(
      { type: SchemaType.PROTOBUF, schema: order, references: [{ name: 'castle/common.proto', subject: common, version: 1 }] },
      { subject: `kafkajs-proto-order-${RUN}-value` },
    );
    const value = { id: 5, price: { currency: 'EUR', units: 12 } };
    const decoded = await client().decode(await registry.encode(id, value));
    assert.deepEqual(plain(SchemaType.PROTOBUF, decoded), value);
    return id;
  });
}

async function jsonReference() {
  await step('JSON: a schema whose $ref names another subject registers, encodes and decodes', async () => {
    const itemSubject = `kafkajs-json-item-${RUN}`;
    const registry = client();
    const item = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: 'https://castle.example/item.json',
      type: 'object',
      properties: { sku: { type: 'string' } },
      required: ['sku'],
    };
    await registry.register({ type: SchemaType.JSON, schema: JSON.stringify(item) }, { subject: itemSubject });
    const line = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: { item: { $ref: 'https://castle.example/item.json' }, n: { type: 'integer' } },
      required: ['item'],
    };
    const { id } = await registry.register(
      {
        type: SchemaType.JSON,
        schema: JSON.stringify(line),
        references: [{ name: 'https://castle.example/item.json', subject: itemSubject, version: 1 }],
      },
      { subject: `kafkajs-json-line-${RUN}-value` },
    );
    const value = { item: { sku: 'k-2' }, n: 3 };
    assert.deepEqual(await client().decode(await registry.encode(id, value)), value);
    await assert.rejects(registry.encode(id, { item: { sku: 7 } }), /invalid payload/);
    return id;
  });
}

async function richAvro() {
  await step('AVRO: unions, enums, fixed, arrays, maps, logical types and defaults survive the registry', async () => {
    const registry = client();
    const { id } = await registry.register(
      { type: SchemaType.AVRO, schema: schemas.richAvro },
      { subject: `kafkajs-avro-rich-${RUN}-value` },
    );
    const value = {
      id: 11,
      status: 'SENT',
      code: Buffer.from('abcd'),
      parcels: [{ weight: 3 }],
      counts: { apples: 2 },
      note: 'fragile',
      price: Buffer.from([0x30, 0x39]),
      at: 1700000000000,
      day: 19000,
      tracking: '5b7f1b4e-0c59-4d07-9d55-2f0a4b5cf3c1',
    };
    const decoded = await client().decode(await registry.encode(id, value));
    assert.deepEqual(JSON.parse(JSON.stringify(decoded)), JSON.parse(JSON.stringify(value)));
    // the registry serves the schema with its logical types, defaults, doc and aliases kept
    const served = JSON.parse((await http('GET', `/schemas/ids/${id}`)).json.schema);
    assert.deepEqual(served.fields.map((f) => f.type.logicalType ?? null).slice(6), ['decimal', 'timestamp-millis', 'date', 'uuid']);
    assert.equal(served.fields[5].default, null);
    assert.deepEqual(served.aliases, ['Consignment']);
    return id;
  });
}

async function richProtobuf() {
  await step('PROTOBUF: nested types, enums, repeated, maps, oneofs and optional survive the registry', async () => {
    const registry = client();
    const { id } = await registry.register(
      { type: SchemaType.PROTOBUF, schema: schemas.richProtobuf },
      { subject: `kafkajs-proto-rich-${RUN}-value` },
    );
    const value = {
      id: 11,
      status: 2,
      parcels: [{ code: 'p-1', weights: [3, 4] }],
      counts: { apples: 2, pears: 5 },
      locker: 77,
      note: 'fragile',
      payload: Buffer.from('castle'),
      score: 2.5,
    };
    // a fresh client parses the schema text the registry gives back
    const decoded = await client().decode(await registry.encode(id, value));
    const plainDecoded = decoded.constructor.toObject(decoded, { longs: Number, bytes: String, oneofs: true });
    assert.deepEqual(plainDecoded, { ...value, payload: Buffer.from('castle').toString('base64'), destination: 'locker', _note: 'note' });
    return plainDecoded;
  });
}

for (const format of FORMATS) {
  await exercise(format);
}
await avroRecordSubject();
await avroReference();
await protobufReference();
await jsonReference();
await richAvro();
await richProtobuf();
finish();
