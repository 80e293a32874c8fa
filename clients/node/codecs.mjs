// The two npm registry clients behind one face, for the `proxy` schemas of schemas.mjs: each registers a schema,
// encodes a value given as plain JSON (the REST Proxy's JSON: Avro bytes as base64, Protobuf with proto field names,
// enums by name and 64-bit integers as numbers) the way its users would, and decodes records back to that JSON.
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
import { registryUrl } from './harness.mjs';
import { readingFile, registryOf } from './protodesc.mjs';

const KIND_NUMBERS = { KIND_UNKNOWN: 0, TEMPERATURE: 1, HUMIDITY: 2 };

/** @kafkajs/confluent-schema-registry: plain objects; Protobuf through protobufjs (camelCase names, enum numbers). */
export const kafkajsClient = {
  name: '@kafkajs/confluent-schema-registry',
  short: 'kafkajs',
  caveats: { PROTOBUF: ' (adding the message index 0 the client leaves out)' },
  types: { AVRO: SchemaType.AVRO, JSON: SchemaType.JSON, PROTOBUF: SchemaType.PROTOBUF },
  registry: () => new SchemaRegistry({ host: registryUrl(), retry: { retries: 0 } }),

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
export const confluentClient = {
  name: '@confluentinc/schemaregistry',
  short: 'confluent',
  caveats: {},
  serdes: {
    AVRO: { Serializer: AvroSerializer, Deserializer: AvroDeserializer },
    JSON: { Serializer: JsonSerializer, Deserializer: JsonDeserializer },
    PROTOBUF: { Serializer: ProtobufSerializer, Deserializer: ProtobufDeserializer },
  },
  client: () => SchemaRegistryClient.newClient({ baseURLs: [registryUrl()], maxRetries: 0 }),

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

export const CLIENTS = [kafkajsClient, confluentClient];

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
