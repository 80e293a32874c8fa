-- Re-registers one schema the registry already holds: answered from the local store with no leader round trip.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/vnd.schemaregistry.v1+json"
wrk.body = '{"schema":"{\\"type\\":\\"record\\",\\"name\\":\\"Known\\",\\"fields\\":[{\\"name\\":\\"f\\",\\"type\\":\\"int\\"}]}"}'
