import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const SECRETS = ['JWT_SECRET', 'PII_ENCRYPTION_KEY', 'ADMIN_PASSWORD', 'MEILI_MASTER_KEY'];

describe('deployment files', () => {
  const compose = read('docker-compose.yml');

  it('gives no secret a default in docker-compose.yml: each must be set, with a message', () => {
    for (const name of SECRETS) {
      const uses = compose.match(new RegExp(`\\$\\{${name}[^}]*\\}`, 'g')) ?? [];
      expect(uses.length).toBeGreaterThan(0);
      for (const use of uses) expect(use).toMatch(new RegExp(`^\\$\\{${name}:\\?.{10,}\\}$`));
    }
  });

  it('pins every image to a version', () => {
    const images = [...compose.matchAll(/^\s*image:\s*(\S+)\s*$/gm)].map((m) => m[1]);
    expect(images.length).toBeGreaterThanOrEqual(4);
    for (const image of images) expect(image).toMatch(/:v?\d+\.\d+(\.\d+)?(-[a-z0-9.]+)?$/);
  });

  it('runs the API scaled apart from one worker', () => {
    expect(compose).toMatch(/^ {2}api:\n(?:.*\n)*? {6}WORKERS: 'off'/m);
    expect(compose).toMatch(
      /^ {2}worker:\n(?:.*\n)*? {4}command: \['node', '--max-semi-space-size=64', 'dist\/src\/worker\.js'\]/m,
    );
  });

  it('builds an image on Node 22 that runs as the node user, health-checked', () => {
    const dockerfile = read('Dockerfile');
    const froms = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    for (const from of froms) expect(from).toMatch(/^node:22\.\d+\.\d+-/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n?.*\/health\/ready/m);
  });

  it('asks for Node 22 in package.json and .nvmrc', () => {
    expect(JSON.parse(read('package.json')).engines.node).toBe('>=22.12');
    expect(read('.nvmrc').trim()).toBe('22');
  });

  it('lists every environment variable the code reads in the README configuration table', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts') && !path.endsWith('.spec.ts')) sources.push(readFileSync(path, 'utf8'));
      }
    };
    walk(join(root, 'src'));
    const names = new Set<string>();
    for (const text of sources) {
      for (const m of text.matchAll(
        /\(env, '([A-Z][A-Z0-9_]+)'|env\.([A-Z][A-Z0-9_]+)|env: '([A-Z][A-Z0-9_]+)'/g,
      )) {
        names.add(m[1] ?? m[2] ?? m[3]);
      }
    }
    expect(names.size).toBeGreaterThan(30);
    const readme = read('README.md');
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Architecture'));
    const missing = [...names].filter((name) => !table.includes(`\`${name}\``)).sort();
    expect(missing).toEqual([]);
  });
});
