// Creates and reads a unit through standards-service's gRPC API, from nothing but the .proto files.
// Usage: SQM_TOKEN=<bearer JWT> node unit-client.js <host:port> <proto dir> <unit code>
// Prints one JSON line: the created unit, the unit read back, and the status code of an invalid create.
'use strict';
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const [address, protoDir, code] = process.argv.slice(2);
const definition = protoLoader.loadSync('sqm/standards/v1/units.proto', {
  includeDirs: [protoDir],
  keepCase: true,
  enums: String,
  longs: String,
  defaults: true,
});
const { UnitService } = grpc.loadPackageDefinition(definition).sqm.standards.v1;
const client = new UnitService(address, grpc.credentials.createInsecure());
const options = () => ({ deadline: new Date(Date.now() + 10000) });

// Every call carries the bearer token in the `authorization` metadata, as any gRPC integrator's must.
const metadata = new grpc.Metadata();
metadata.set('authorization', `Bearer ${process.env.SQM_TOKEN}`);

function call(method, request) {
  return new Promise((resolve, reject) => {
    client[method](request, metadata, options(), (error, response) => (error ? reject(error) : resolve(response)));
  });
}

(async () => {
  const created = await call('CreateUnit', {
    unit: { code, name: 'Created from Node.js', type: 'UNIT_TYPE_HOTLINE' },
    request_id: `node-${code}`,
  });
  const read = await call('GetUnit', { id: created.id });
  let invalidCode = null;
  try {
    await call('CreateUnit', { unit: { code: '', name: '', type: 'UNIT_TYPE_UNSPECIFIED' } });
  } catch (error) {
    invalidCode = error.code;
  }
  console.log(JSON.stringify({ created, read, invalidCode }));
  client.close();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
