package dev.castle.proto;

/** Larger schemas shared by the tests. */
final class RichSchemas {

    static final String PROTO3 =
            """
            // Shop orders
            syntax = "proto3";
            package acme.shop;

            import "google/protobuf/timestamp.proto";

            option java_multiple_files = true;
            option java_package = "com.acme.shop";

            message Order {
              reserved 8 to 10;
              reserved "legacy";
              int64 id = 1;
              google.protobuf.Timestamp placed_at = 2;
              Status status = 3;
              map<string, Item> items = 4;
              oneof payment {
                string card = 5;
                Transfer transfer = 6;
              }
              repeated Item extras = 7 [deprecated = true];
              optional string note = 11;

              message Item {
                string sku = 1;
                uint32 quantity = 2;
              }
              message Transfer {
                string iban = 1;
              }
              enum Status {
                STATUS_UNSPECIFIED = 0;
                PLACED = 1;
                SHIPPED = 2;
              }
            }

            enum Channel {
              option allow_alias = true;
              WEB = 0;
              ONLINE = 0;
              STORE = 1;
            }

            service Orders {
              rpc Place (Order) returns (stream Order);
            }
            """;

    static final String PROTO2 =
            """
            syntax = "proto2";
            package legacy;

            message Legacy {
              required int32 id = 1;
              optional string name = 2 [default = "none"];
              optional group Extra = 3 {
                optional string info = 1;
              }
              extensions 100 to 199;
            }

            extend Legacy {
              optional int32 rank = 100;
            }
            """;

    private RichSchemas() {}
}
