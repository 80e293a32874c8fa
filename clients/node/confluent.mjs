// @confluentinc/schemaregistry against a live registry: the client's registry calls for Avro, JSON Schema and
// Protobuf, and its serializers and deserializers (Protobuf sent as a base64 FileDescriptorProto, read back with
// format=serialized).
import { create, toJson } from '@bufbuild/protobuf';
import {
  AvroDeserializer,
  AvroSerializer,
  Compatibility,
  JsonDeserializer,
  JsonSerializer,
  ProtobufDeserializer,
  ProtobufSerializer,
  SchemaRegistryClient,
  SerdeType,
} from '@confluentinc/schemaregistry';
import { assert, registryUrl, RUN, suite } from './harness.mjs';
import { commonFile, orderFile, plainOrderFile, registryOf, richFile } from './protodesc.mjs';
import * as schemas from './schemas.mjs';

const url = registryUrl();
const { step, finish } = suite('@confluentinc/schemaregistry');
const client = () => SchemaRegistryClient.newClient({ baseURLs: [url], maxRetries: 0 });

const FORMATS = [
  { type: 'AVRO', schemas: schemas.avro },
  { type: 'JSON', schemas: schemas.json },
  { type: 'PROTOBUF', schemas: schemas.protobuf },
];

function info(type, schema) {
  return { schemaType: type, schema };
}

async function registryCalls({ type, schemas: s }) {
  const topic = `confluent-${type.toLowerCase()}-${RUN}`;
  const subject = `${topic}-value`;
  const label = (what) => `${type}: ${what}`;
  const sr = client();

  const v1 = await step(label('register v1'), async () => {
    const id = await sr.register(subject, info(type, s.v1));
    assert.ok(Number.isInteger(id) && id > 0, `id ${id}`);
    return id;
  });
  if (v1 === undefined) {
    return null;
  }
  await step(label('registerFullResponse of v1 again gives the same id'), async () => {
    const response = await client().registerFullResponse(subject, info(type, s.v1));
    assert.equal(response.id, v1);
    return response;
  });
  await step(label('getId lookup (POST /subjects/{s})'), async () => {
    assert.equal(await client().getId(subject, info(type, s.v1)), v1);
  });
  await step(label('getVersion (POST /subjects/{s}?deleted=false)'), async () => {
    assert.equal(await client().getVersion(subject, info(type, s.v1)), 1);
  });
  await step(label('getLatestSchemaMetadata'), async () => {
    const latest = await client().getLatestSchemaMetadata(subject);
    assert.equal(latest.id, v1);
    assert.equal(latest.version, 1);
    assert.equal(latest.subject, subject);
    assert.equal(latest.schemaType ?? 'AVRO', type);
    return latest;
  });
  await step(label('getSchemaMetadata(subject, 1)'), async () => {
    const metadata = await client().getSchemaMetadata(subject, 1);
    assert.equal(metadata.id, v1);
  });
  await step(label('getBySubjectAndId'), async () => {
    const found = await client().getBySubjectAndId(subject, v1);
    assert.equal(found.schemaType ?? 'AVRO', type);
    assert.ok(found.schema.length > 0);
  });
  await step(label('getAllVersions and getAllSubjects'), async () => {
    const other = client();
    assert.deepEqual(await other.getAllVersions(subject), [1]);
    assert.ok((await other.getAllSubjects()).includes(subject));
  });
  await step(label('testSubjectCompatibility of v2 is true'), async () => {
    assert.equal(await sr.testSubjectCompatibility(subject, info(type, s.v2)), true);
  });
  await step(label('testCompatibility(subject, 1) of an incompatible change is false'), async () => {
    assert.equal(await sr.testCompatibility(subject, 1, info(type, s.incompatible)), false);
  });
  await step(label('registering the incompatible change is refused with 409'), async () => {
    await assert.rejects(sr.register(subject, info(type, s.incompatible)), (error) => {
      assert.equal(error.status, 409, `status ${error.status}: ${error.message}`);
      return true;
    });
  });
  const v2 = await step(label('register v2 gives a new id and version 2'), async () => {
    const id = await sr.register(subject, info(type, s.v2));
    assert.notEqual(id, v1);
    assert.equal((await client().getLatestSchemaMetadata(subject)).version, 2);
    return id;
  });
  await step(label('updateCompatibility and getCompatibility of the subject'), async () => {
    assert.equal(await sr.updateCompatibility(subject, Compatibility.BACKWARD_TRANSITIVE), 'BACKWARD_TRANSITIVE');
    assert.equal(await sr.getCompatibility(subject), 'BACKWARD_TRANSITIVE');
  });
  return { topic, subject, v1, v2 };
}

async function configCalls() {
  const sr = client();
  await step('getDefaultCompatibility and getDefaultConfig', async () => {
    const level = await sr.getDefaultCompatibility();
    assert.ok(Object.values(Compatibility).includes(level), `level ${level}`);
    const config = await sr.getDefaultConfig();
    assert.equal(config.compatibilityLevel, level);
    return level;
  });
  await step('updateConfig and getConfig of a subject', async () => {
    const subject = `confluent-config-${RUN}`;
    const updated = await sr.updateConfig(subject, { compatibility: Compatibility.FULL });
    assert.equal(updated.compatibility, 'FULL');
    assert.equal((await sr.getConfig(subject)).compatibilityLevel, 'FULL');
  });
}

const FORMATS_BY_TYPE = Object.fromEntries(FORMATS.map((f) => [f.type, f.schemas]));

const SERDES = {
  AVRO: { Serializer: AvroSerializer, Deserializer: AvroDeserializer, message: () => ({ id: 7, item: 'avro', qty: 2 }) },
  JSON: { Serializer: JsonSerializer, Deserializer: JsonDeserializer, message: () => ({ id: 7, item: 'json', qty: 2 }) },
  PROTOBUF: {
    Serializer: ProtobufSerializer,
    Deserializer: ProtobufDeserializer,
    registry: () => registryOf(plainOrderFile).messages,
    message: (registry) => create(registry.getMessage('castle.clients.Order'), { id: 7n, item: 'protobuf', qty: 2 }),
  },
};

async function serdeWithLatest(type, registered) {
  const serde = SERDES[type];
  await step(`${type}: serializer (useLatestVersion) then deserializer with a fresh client`, async () => {
    const registry = serde.registry?.();
    const serializer = new serde.Serializer(client(), SerdeType.VALUE, { useLatestVersion: true, registry });
    const message = serde.message(registry);
    const bytes = await serializer.serialize(registered.topic, message);
    assert.equal(bytes[0], 0, 'magic byte');
    assert.equal(bytes.readInt32BE(1), registered.v2, 'the latest id in the wire header');
    const deserializer = new serde.Deserializer(client(), SerdeType.VALUE, {});
    const decoded = await deserializer.deserialize(registered.topic, bytes);
    assert.deepEqual(comparable(decoded), comparable(message));
    return comparable(decoded);
  });
}

async function deserializeUnderAnotherTopic(type, registered) {
  const serde = SERDES[type];
  await step(`${type}: deserializer on a topic whose subject never held the id (subject is only a hint)`, async () => {
    const registry = serde.registry?.();
    const serializer = new serde.Serializer(client(), SerdeType.VALUE, { useLatestVersion: true, registry });
    const message = serde.message(registry);
    const bytes = await serializer.serialize(registered.topic, message);
    const decoded = await new serde.Deserializer(client(), SerdeType.VALUE, {}).deserialize(`elsewhere-${RUN}`, bytes);
    assert.deepEqual(comparable(decoded), comparable(message));
  });
}

async function serdeWithSchemaId(type, registered) {
  const serde = SERDES[type];
  await step(`${type}: serializer (useSchemaId of v1) then deserializer with a fresh client`, async () => {
    const registry = serde.registry?.();
    const serializer = new serde.Serializer(client(), SerdeType.VALUE, { useSchemaId: registered.v1, registry });
    const message = serde.message(registry);
    if (type !== 'PROTOBUF') {
      delete message.qty; // v1 has no qty
    }
    const bytes = await serializer.serialize(registered.topic, message);
    assert.equal(bytes.readInt32BE(1), registered.v1, 'the chosen id in the wire header');
    const decoded = await new serde.Deserializer(client(), SerdeType.VALUE, {}).deserialize(registered.topic, bytes);
    if (type !== 'PROTOBUF') {
      assert.deepEqual(comparable(decoded), comparable(message));
    }
    return comparable(decoded);
  });
}

async function normalizedLookup(type) {
  await step(`${type}: register and look up with normalize=true`, async () => {
    const subject = `confluent-normalized-${type.toLowerCase()}-${RUN}`;
    const v1 = FORMATS_BY_TYPE[type].v1;
    const id = await client().register(subject, info(type, v1), true);
    assert.equal(await client().getId(subject, info(type, v1), true), id);
    if (type === 'JSON') {
      // the same schema with its keys in reverse order normalizes to the same text
      const reversed = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(v1)).reverse()));
      assert.equal(await client().getId(subject, info(type, reversed), true), id);
      assert.equal(await client().register(subject, info(type, reversed), true), id);
    }
    return id;
  });
}

async function serdeAutoRegister(type) {
  if (type === 'PROTOBUF') {
    return;
  }
  const serde = SERDES[type];
  await step(`${type}: serializer (autoRegisterSchemas) then deserializer with a fresh client`, async () => {
    const topic = `confluent-auto-${type.toLowerCase()}-${RUN}`;
    const serializer = new serde.Serializer(client(), SerdeType.VALUE, { autoRegisterSchemas: true });
    const message = serde.message();
    const bytes = await serializer.serialize(topic, message);
    const deserializer = new serde.Deserializer(client(), SerdeType.VALUE, {});
    assert.deepEqual(comparable(await deserializer.deserialize(topic, bytes)), comparable(message));
    const latest = await client().getLatestSchemaMetadata(`${topic}-value`);
    assert.equal(latest.id, bytes.readInt32BE(1));
    return latest.id;
  });
}

async function protobufDescriptors() {
  await step('PROTOBUF: serializer auto-registers a FileDescriptorProto with a reference, deserializer reads it back', async () => {
    const topic = `confluent-descriptor-${RUN}`;
    const { messages } = registryOf(orderFile, commonFile);
    const Order = messages.getMessage('castle.orders.Order');
    const message = create(Order, {
      id: 9n,
      item: 'descriptor',
      price: { currency: 'EUR', units: 12n },
      at: { seconds: 1700000000n, nanos: 5 },
    });
    const serializer = new ProtobufSerializer(client(), SerdeType.VALUE, { autoRegisterSchemas: true, registry: messages });
    const bytes = await serializer.serialize(topic, message);
    const deserializer = new ProtobufDeserializer(client(), SerdeType.VALUE, {});
    const decoded = await deserializer.deserialize(topic, bytes);
    assert.deepEqual(toJson(Order, decoded), toJson(Order, message));
    const latest = await client().getLatestSchemaMetadata(`${topic}-value`);
    assert.deepEqual(
      latest.references.map((r) => r.name),
      ['castle/common.proto'],
    );
    // a referenced subject cannot be deleted
    await assert.rejects(client().deleteSubject(latest.references[0].subject), (error) => {
      assert.equal(error.status, 422, `status of ${error.message}`);
      assert.equal(error.errorCode, 42206, `error_code of ${error.message}`);
      return true;
    });
    return { id: latest.id, references: latest.references };
  });
  await step('PROTOBUF: a nested message is written with its message indexes and read back', async () => {
    const topic = `confluent-nested-${RUN}`;
    const { messages } = registryOf(orderFile, commonFile);
    const Note = messages.getMessage('castle.orders.Order.Note');
    const message = create(Note, { text: 'nested' });
    const serializer = new ProtobufSerializer(client(), SerdeType.VALUE, { autoRegisterSchemas: true, registry: messages });
    const bytes = await serializer.serialize(topic, message);
    const decoded = await new ProtobufDeserializer(client(), SerdeType.VALUE, {}).deserialize(topic, bytes);
    assert.equal(decoded.$typeName, 'castle.orders.Order.Note');
    assert.equal(decoded.text, 'nested');
  });
}

async function richAvro() {
  await step('AVRO: a schema with unions, enums, fixed, maps and logical types serializes and deserializes', async () => {
    const topic = `confluent-avro-rich-${RUN}`;
    await client().register(`${topic}-value`, info('AVRO', schemas.richAvro));
    const serializer = new AvroSerializer(client(), SerdeType.VALUE, { useLatestVersion: true });
    const message = {
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
    const bytes = await serializer.serialize(topic, message);
    const decoded = await new AvroDeserializer(client(), SerdeType.VALUE, {}).deserialize(topic, bytes);
    assert.deepEqual(comparable(decoded), comparable(message));
    return comparable(decoded);
  });
}

async function richDescriptor() {
  await step('PROTOBUF: a descriptor with nested types, enums, maps, oneofs and optional round-trips', async () => {
    const topic = `confluent-rich-${RUN}`;
    const { messages } = registryOf(richFile);
    const Shipment = messages.getMessage('castle.rich.Shipment');
    const message = create(Shipment, {
      id: 11n,
      status: 2,
      parcels: [{ code: 'p-1', weights: [3, 4] }],
      counts: { apples: 2, pears: 5 },
      destination: { case: 'locker', value: 77n },
      note: 'fragile',
      payload: new TextEncoder().encode('castle'),
      score: 2.5,
    });
    const serializer = new ProtobufSerializer(client(), SerdeType.VALUE, { autoRegisterSchemas: true, registry: messages });
    const bytes = await serializer.serialize(topic, message);
    const deserializer = new ProtobufDeserializer(client(), SerdeType.VALUE, {});
    const decoded = await deserializer.deserialize(topic, bytes);
    // read the decoded message through the descriptor the registry served (format=serialized), not ours
    const served = deserializer.fileRegistry.getMessage('castle.rich.Shipment');
    assert.ok(served && served !== Shipment, 'the deserializer built its own descriptor');
    assert.equal(served.fields.find((f) => f.name === 'counts')?.fieldKind, 'map');
    // proto field names: like Confluent, the registry's descriptors carry no json_name unless the schema sets one
    const names = { useProtoFieldName: true };
    assert.deepEqual(toJson(served, decoded, names), toJson(Shipment, message, names));
    return toJson(served, decoded, names);
  });
}

async function latestWithMetadata() {
  await step('getLatestWithMetadata and a serializer with useLatestWithMetadata pick the version by its metadata', async () => {
    const topic = `confluent-metadata-${RUN}`;
    const subject = `${topic}-value`;
    const sr = client();
    const v1 = await sr.register(subject, { schema: schemas.avro.v1, metadata: { properties: { owner: 'castle', app: 'one' } } });
    const v2 = await sr.register(subject, { schema: schemas.avro.v2, metadata: { properties: { owner: 'castle', app: 'two' } } });
    assert.equal((await client().getLatestWithMetadata(subject, { owner: 'castle' })).id, v2);
    const found = await client().getLatestWithMetadata(subject, { owner: 'castle', app: 'one' });
    assert.equal(found.id, v1);
    assert.deepEqual(found.metadata.properties, { owner: 'castle', app: 'one' });
    const serializer = new AvroSerializer(client(), SerdeType.VALUE, { useLatestWithMetadata: { app: 'one' } });
    const bytes = await serializer.serialize(topic, { id: 1, item: 'old' });
    assert.equal(bytes.readInt32BE(1), v1);
    const decoded = await new AvroDeserializer(client(), SerdeType.VALUE, {}).deserialize(topic, bytes);
    assert.deepEqual(comparable(decoded), { id: 1, item: 'old' });
    return { v1, v2 };
  });
}

async function notFound() {
  const rejectsWith = (promise, status, errorCode) =>
    assert.rejects(promise, (error) => {
      assert.equal(error.status, status, `status of ${error.message}`);
      assert.equal(error.errorCode, errorCode, `error_code of ${error.message}`);
      return true;
    });
  await step('unknown subject, unknown schema and unknown id fail with the codes clients cache on', async () => {
    const sr = client();
    await rejectsWith(sr.getLatestSchemaMetadata(`missing-${RUN}`), 404, 40401);
    await rejectsWith(sr.getId(`missing-${RUN}`, info('AVRO', schemas.avro.v1)), 404, 40401);
    await rejectsWith(sr.getBySubjectAndId(`missing-${RUN}`, 987654), 404, 40403);
    await rejectsWith(sr.register(`bad-${RUN}`, info('AVRO', '{"type":"nonsense"}')), 422, 42201);
  });
}

async function deletes(registered) {
  await step('deleteSubjectVersion then deleteSubject (soft, then permanent)', async () => {
    const sr = client();
    assert.equal(await sr.deleteSubjectVersion(registered.subject, 2), 2);
    assert.deepEqual(await sr.deleteSubject(registered.subject), [1]);
    assert.deepEqual(await sr.deleteSubject(registered.subject, true), [1, 2]);
    assert.ok(!(await client().getAllSubjects()).includes(registered.subject));
  });
}

/** Plain data for deep comparison: drops Protobuf's $typeName and turns bigints into strings. */
function comparable(value) {
  return JSON.parse(JSON.stringify(value, (k, v) => (typeof v === 'bigint' ? v.toString() : v)));
}

let toDelete = null;
for (const format of FORMATS) {
  const registered = await registryCalls(format);
  if (registered?.v2 !== undefined) {
    await serdeWithLatest(format.type, registered);
    await serdeWithSchemaId(format.type, registered);
    await deserializeUnderAnotherTopic(format.type, registered);
    await normalizedLookup(format.type);
    toDelete = toDelete ?? registered;
  }
  await serdeAutoRegister(format.type);
}
await richAvro();
await protobufDescriptors();
await richDescriptor();
await configCalls();
await latestWithMetadata();
await notFound();
if (toDelete) {
  await deletes(toDelete);
}
finish();
