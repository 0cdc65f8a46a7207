import { issueSetupToken, setupUrl } from '../modules/setup/setupToken';
import { withStorage } from './context';

export async function setupToken(): Promise<number> {
  return withStorage(async ({ config, storage }) => {
    const token = await issueSetupToken(storage);
    if (!token) {
      process.stderr.write('An admin exists already; setup tokens are only for the first one.\n');
      return 1;
    }
    process.stdout.write(
      `Create the first admin within 24 hours at:\n\n  ${setupUrl(config.publicUrl, token)}\n\n` +
        'Any earlier setup link no longer works.\n',
    );
    return 0;
  });
}
