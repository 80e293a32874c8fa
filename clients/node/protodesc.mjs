// Protobuf descriptors built at run time (no protoc): what generated code would hand to @confluentinc/schemaregistry.
import { create, createFileRegistry, createMutableRegistry } from '@bufbuild/protobuf';
import {
  FieldDescriptorProto_Label as Label,
  FieldDescriptorProto_Type as Type,
  FileDescriptorProtoSchema,
  file_google_protobuf_timestamp,
} from '@bufbuild/protobuf/wkt';

const field = (name, number, type, typeName) => ({
  name,
  number,
  type,
  typeName,
  label: Label.OPTIONAL,
  jsonName: name,
});

/** castle/common.proto: a file the order imports, registered by the serializer as a reference of its own. */
export const commonFile = create(FileDescriptorProtoSchema, {
  name: 'castle/common.proto',
  package: 'castle.common',
  syntax: 'proto3',
  messageType: [{ name: 'Money', field: [field('currency', 1, Type.STRING), field('units', 2, Type.INT64)] }],
});

/** castle/order.proto: imports castle/common.proto (a reference) and google/protobuf/timestamp.proto (built in). */
export const orderFile = create(FileDescriptorProtoSchema, {
  name: 'castle/order.proto',
  package: 'castle.orders',
  syntax: 'proto3',
  dependency: ['castle/common.proto', 'google/protobuf/timestamp.proto'],
  messageType: [
    {
      name: 'Order',
      field: [
        field('id', 1, Type.INT64),
        field('item', 2, Type.STRING),
        field('price', 3, Type.MESSAGE, '.castle.common.Money'),
        field('at', 4, Type.MESSAGE, '.google.protobuf.Timestamp'),
      ],
      nestedType: [{ name: 'Note', field: [field('text', 1, Type.STRING)] }],
    },
  ],
});

/** The descriptor of the text schema registered as `protobuf.v2` in schemas.mjs. */
export const plainOrderFile = create(FileDescriptorProtoSchema, {
  name: 'order_v2.proto',
  package: 'castle.clients',
  syntax: 'proto3',
  messageType: [
    { name: 'Order', field: [field('id', 1, Type.INT64), field('item', 2, Type.STRING), field('qty', 3, Type.INT32)] },
  ],
});

/** The descriptor protoc makes of `richProtobuf` in schemas.mjs: nested types, an enum, a map, a oneof, optional. */
export const richFile = create(FileDescriptorProtoSchema, {
  name: 'castle/rich.proto',
  package: 'castle.rich',
  syntax: 'proto3',
  messageType: [
    {
      name: 'Shipment',
      field: [
        field('id', 1, Type.INT64),
        field('status', 2, Type.ENUM, '.castle.rich.Shipment.Status'),
        { ...field('parcels', 3, Type.MESSAGE, '.castle.rich.Shipment.Parcel'), label: Label.REPEATED },
        { ...field('counts', 4, Type.MESSAGE, '.castle.rich.Shipment.CountsEntry'), label: Label.REPEATED },
        { ...field('address', 5, Type.STRING), oneofIndex: 0 },
        { ...field('locker', 6, Type.INT64), oneofIndex: 0 },
        { ...field('note', 7, Type.STRING), oneofIndex: 1, proto3Optional: true },
        field('payload', 8, Type.BYTES),
        field('score', 9, Type.DOUBLE),
      ],
      nestedType: [
        { name: 'Parcel', field: [field('code', 1, Type.STRING), { ...field('weights', 2, Type.INT32), label: Label.REPEATED }] },
        {
          name: 'CountsEntry',
          field: [field('key', 1, Type.STRING), field('value', 2, Type.INT32)],
          options: { mapEntry: true },
        },
      ],
      enumType: [
        {
          name: 'Status',
          value: [
            { name: 'UNKNOWN', number: 0 },
            { name: 'SENT', number: 1 },
            { name: 'DELIVERED', number: 2 },
          ],
        },
      ],
      oneofDecl: [{ name: 'destination' }, { name: '_note' }],
    },
  ],
});

/** The descriptor protoc makes of `proxy.protobuf` in schemas.mjs. */
export const readingFile = create(FileDescriptorProtoSchema, {
  name: 'castle/reading.proto',
  package: 'castle.proxy',
  syntax: 'proto3',
  messageType: [
    {
      name: 'Reading',
      field: [
        field('id', 1, Type.INT64),
        field('label', 2, Type.STRING),
        field('retries', 3, Type.INT32),
        field('ratio', 4, Type.DOUBLE),
        field('active', 5, Type.BOOL),
        field('kind', 6, Type.ENUM, '.castle.proxy.Reading.Kind'),
        { ...field('main_sensor', 7, Type.MESSAGE, '.castle.proxy.Reading.Sensor'), jsonName: 'mainSensor' },
        { ...field('tags', 8, Type.STRING), label: Label.REPEATED },
        {
          ...field('spare_sensors', 9, Type.MESSAGE, '.castle.proxy.Reading.Sensor'),
          label: Label.REPEATED,
          jsonName: 'spareSensors',
        },
        { ...field('samples', 10, Type.INT64), label: Label.REPEATED },
      ],
      nestedType: [{ name: 'Sensor', field: [field('name', 1, Type.STRING), field('floor', 2, Type.INT32)] }],
      enumType: [
        {
          name: 'Kind',
          value: [
            { name: 'KIND_UNKNOWN', number: 0 },
            { name: 'TEMPERATURE', number: 1 },
            { name: 'HUMIDITY', number: 2 },
          ],
        },
      ],
    },
  ],
});

/** A mutable registry holding the messages of a file and its imports, as the serializer's `registry` option wants. */
export function registryOf(file, ...imports) {
  const files = new Map(imports.map((f) => [f.name, f]));
  files.set('google/protobuf/timestamp.proto', file_google_protobuf_timestamp);
  const registry = createFileRegistry(file, (name) => files.get(name));
  return { files: registry, messages: createMutableRegistry(registry) };
}
