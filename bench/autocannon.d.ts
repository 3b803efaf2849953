// The part of autocannon's programmatic API the benches use (the package ships no types).
declare module 'autocannon' {
  type Options = { url: string; connections: number; duration: number; headers?: Record<string, string> };
  type Result = { requests: { average: number; total: number }; non2xx: number; errors: number; timeouts: number };
  type Instance = Promise<Result> & {
    on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, ms: number) => void): void;
  };
  function autocannon(options: Options): Instance;
  export default autocannon;
}
