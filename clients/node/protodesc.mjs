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

/** A mutable registry holding the messages of a file and its imports, as the serializer's `registry` option wants. */
export function registryOf(file, ...imports) {
  const files = new Map(imports.map((f) => [f.name, f]));
  files.set('google/protobuf/timestamp.proto', file_google_protobuf_timestamp);
  const registry = createFileRegistry(file, (name) => files.get(name));
  return { files: registry, messages: createMutableRegistry(registry) };
}
