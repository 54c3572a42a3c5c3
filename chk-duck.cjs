const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
const path = require('path');
console.log('start');
(async () => {
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  console.log(dist);
  const db = await duckdb.createDuckDB({ mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') }, eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') } }, new duckdb.ConsoleLogger(duckdb.LogLevel.WARNING), duckdb.NODE_RUNTIME);
  console.log('created');
  await db.instantiate();
  console.log('inst');
  const c = db.connect();
  for (const t of ['states','indicator_values','deadlines','indicators','preliminary_observations']) {
    const r = c.query(`DESCRIBE SELECT * FROM read_parquet('${path.resolve('data', t + '.parquet')}')`);
    console.log(t, r.toArray().map(x => x.column_name + ':' + x.column_type).join(', '));
  }
  console.log(c.query(`SELECT iso3, entry_into_force::VARCHAR e FROM read_parquet('${path.resolve('data/states.parquet')}') WHERE iso3 IN ('MNE','AFG','TON')`).toArray().map(x=>x.toJSON()));
})().then(()=>console.log('done'), e => { console.error('ERR', e); process.exit(1); });
