// The schemas both client scripts register: per format a first version, a compatible second version and an
// incompatible change (backward compatibility, the registry's default).

export const avro = {
  v1: JSON.stringify({
    type: 'record',
    name: 'Order',
    namespace: 'castle.clients',
    fields: [
      { name: 'id', type: 'long' },
      { name: 'item', type: 'string' },
    ],
  }),
  // a field with a default: old data stays readable
  v2: JSON.stringify({
    type: 'record',
    name: 'Order',
    namespace: 'castle.clients',
    fields: [
      { name: 'id', type: 'long' },
      { name: 'item', type: 'string' },
      { name: 'qty', type: 'int', default: 1 },
    ],
  }),
  // a field without a default: old data lacks it
  incompatible: JSON.stringify({
    type: 'record',
    name: 'Order',
    namespace: 'castle.clients',
    fields: [
      { name: 'id', type: 'long' },
      { name: 'item', type: 'string' },
      { name: 'price', type: 'double' },
    ],
  }),
};

export const json = {
  v1: JSON.stringify({
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Order',
    type: 'object',
    properties: { id: { type: 'integer' }, item: { type: 'string' } },
    required: ['id'],
    additionalProperties: false,
  }),
  // an optional property added to a closed content model
  v2: JSON.stringify({
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Order',
    type: 'object',
    properties: { id: { type: 'integer' }, item: { type: 'string' }, qty: { type: 'integer' } },
    required: ['id'],
    additionalProperties: false,
  }),
  // a type changed: old integers are not strings
  incompatible: JSON.stringify({
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Order',
    type: 'object',
    properties: { id: { type: 'string' }, item: { type: 'string' } },
    required: ['id'],
    additionalProperties: false,
  }),
};

export const protobuf = {
  v1: `syntax = "proto3";
package castle.clients;

message Order {
  int64 id = 1;
  string item = 2;
}
`,
  // a field added
  v2: `syntax = "proto3";
package castle.clients;

message Order {
  int64 id = 1;
  string item = 2;
  int32 qty = 3;
}
`,
  // a scalar field turned into a message field
  incompatible: `syntax = "proto3";
package castle.clients;

message Order {
  Item id = 1;
  string item = 2;
}
message Item {
  string sku = 1;
}
`,
};

/** A Protobuf file with the constructs real schemas use: nested types, enums, repeated, maps, oneofs, optional. */
export const richProtobuf = `syntax = "proto3";
package castle.rich;

message Shipment {
  enum Status {
    UNKNOWN = 0;
    SENT = 1;
    DELIVERED = 2;
  }
  message Parcel {
    string code = 1;
    repeated int32 weights = 2;
  }
  int64 id = 1;
  Status status = 2;
  repeated Parcel parcels = 3;
  map<string, int32> counts = 4;
  oneof destination {
    string address = 5;
    int64 locker = 6;
  }
  optional string note = 7;
  bytes payload = 8;
  double score = 9;
}
`;

/** An Avro record with the constructs real schemas use: unions, enums, fixed, arrays, maps, logical types, defaults. */
export const richAvro = JSON.stringify({
  type: 'record',
  name: 'Shipment',
  namespace: 'castle.rich',
  doc: 'a shipment',
  aliases: ['Consignment'],
  fields: [
    { name: 'id', type: 'long' },
    { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['UNKNOWN', 'SENT', 'DELIVERED'], default: 'UNKNOWN' } },
    { name: 'code', type: { type: 'fixed', name: 'Code', size: 4 } },
    {
      name: 'parcels',
      type: {
        type: 'array',
        items: { type: 'record', name: 'Parcel', fields: [{ name: 'weight', type: 'int' }] },
      },
    },
    { name: 'counts', type: { type: 'map', values: 'int' }, default: {} },
    { name: 'note', type: ['null', 'string'], default: null },
    { name: 'price', type: { type: 'bytes', logicalType: 'decimal', precision: 9, scale: 2 } },
    { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'day', type: { type: 'int', logicalType: 'date' }, doc: 'days since the epoch' },
    { name: 'tracking', type: { type: 'string', logicalType: 'uuid' } },
  ],
});

/** What rest-proxy.mjs sends through the REST Proxy and writes with the clients: one schema per format. */
export const proxy = {
  // every kind of field the proxy's JSON mapping has to get right
  avro: JSON.stringify({
    type: 'record',
    name: 'Reading',
    namespace: 'castle.proxy',
    fields: [
      { name: 'label', type: 'string' },
      { name: 'count', type: 'int' },
      { name: 'total', type: 'long' },
      { name: 'ratio', type: 'double' },
      { name: 'active', type: 'boolean' },
      { name: 'note', type: ['null', 'string'], default: null },
      { name: 'kind', type: { type: 'enum', name: 'Kind', symbols: ['TEMPERATURE', 'HUMIDITY'] } },
      { name: 'tags', type: { type: 'array', items: 'string' } },
      { name: 'counts', type: { type: 'map', values: 'int' } },
      { name: 'payload', type: 'bytes' },
    ],
  }),
  json: JSON.stringify({
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Reading',
    type: 'object',
    properties: {
      id: { type: 'integer' },
      label: { type: 'string' },
      ratio: { type: 'number' },
      active: { type: 'boolean' },
      note: { type: ['string', 'null'] },
      tags: { type: 'array', items: { type: 'string' } },
      sensor: {
        type: 'object',
        properties: { name: { type: 'string' }, floor: { type: 'integer' } },
        required: ['name'],
      },
    },
    required: ['id', 'label'],
    additionalProperties: false,
  }),
  // snake_case names, a nested message, repeated fields, an enum and a field left at its default (retries)
  protobuf: `syntax = "proto3";
package castle.proxy;

message Reading {
  enum Kind {
    KIND_UNKNOWN = 0;
    TEMPERATURE = 1;
    HUMIDITY = 2;
  }
  message Sensor {
    string name = 1;
    int32 floor = 2;
  }
  int64 id = 1;
  string label = 2;
  int32 retries = 3;
  double ratio = 4;
  bool active = 5;
  Kind kind = 6;
  Sensor main_sensor = 7;
  repeated string tags = 8;
  repeated Sensor spare_sensors = 9;
  repeated int64 samples = 10;
}
`,
};
