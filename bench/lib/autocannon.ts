// Runs autocannon over a rotating list of GET paths and keeps every response's latency, for the
// API benchmarks (bench/api/ and bench/api-quick.ts).
import autocannon from 'autocannon';

export interface AutocannonRun {
  /** Latency of every response, in ms, in arrival order. */
  latencies: number[];
  result: autocannon.Result;
}

export async function runAutocannon(baseUrl: string, paths: string[], seconds: number, connections: number): Promise<AutocannonRun> {
  const latencies: number[] = [];
  let i = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections,
        duration: seconds,
        timeout: 30,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  return { latencies, result };
}
