/**
 * Command-line parsing for `payweave-sandbox`, apart from the command so that it can be tested without starting it.
 */
import { parseArgs } from 'node:util';

/** The help text. */
export const USAGE = `Usage: payweave-sandbox [options]

Offline emulators of the payment gateways payweave speaks to, served over HTTP.

Options:
  --port <n>          port to listen on (default 4010; 0 picks a free port)
  --host <address>    interface to bind (default 127.0.0.1; 0.0.0.0 for a container)
  --time-scale <x>    compress notification retry delays (default 1; 0.001 turns 4 minutes into 240 ms)
  --public-url <url>  the URL clients use to reach the sandbox, when it differs from the bound address
  -h, --help          show this help
`;

export interface CliOptions {
  port: number;
  host: string;
  timeScale: number;
  publicUrl?: string;
}

/** Parse argv (without node and script); returns a usage error message instead of options when invalid. */
export function parseCliArgs(argv: string[]): CliOptions | { help: true } | { error: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'time-scale': { type: 'string' },
        'public-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { help: true };
  const port = Number(values.port ?? '4010');
  if (!Number.isInteger(port) || port < 0 || port > 65535) return { error: `--port must be an integer from 0 to 65535; got ${values.port}` };
  const timeScale = Number(values['time-scale'] ?? '1');
  if (!Number.isFinite(timeScale) || timeScale <= 0) return { error: `--time-scale must be a positive number; got ${values['time-scale']}` };
  return { port, host: values.host ?? '127.0.0.1', timeScale, ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}) };
}
