/**
 * A small valid mesh written to a temp dir, so each test can break exactly one thing in it and
 * assert the one problem that follows (message, path and file:line:column).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LoadMeshOptions, loadMesh } from '../../lib/config/load-mesh';
import { MeshConfig } from '../../lib/config/model';
import { Problem } from '../../lib/errors';
import { problemsOf } from '../support/problems';
export { problemsOf };

/** The date the fixtures are checked on: before every fixture expiry. */
export const TODAY = new Date('2026-11-15T12:00:00Z');

export const MESH_YAML = `apiVersion: lakemesh/v1
kind: Mesh
name: shop
region: eu-west-1
governance:
  account: "111111111111"
  tags:
    classification: [public, internal, restricted]
domains:
  - name: sales
    account: "222222222222"
    owner: sales@example.com
    producers: ["arn:aws:iam::222222222222:role/sales-etl"]
    products:
      - contracts/orders.odcs.yaml
  - name: stock
    account: "333333333333"
    owner: stock@example.com
    products:
      - contracts/levels.odcs.yaml
consumers:
  - name: marketing
    account: "444444444444"
    principals: ["arn:aws:iam::444444444444:role/analyst"]
grants:
  - product: sales.orders
    consumer: marketing
    role: analyst
    purpose: campaign attribution
    requestedBy: ana@example.com
    approvedBy: dpo@example.com
    expires: 2027-06-30
`;

export const ORDERS_CONTRACT = `apiVersion: v3.1.0
kind: DataContract
id: orders-contract
version: 1.0.0
status: active
domain: sales
dataProduct: orders
schema:
  - name: orders
    physicalType: table
    properties:
      - name: order_id
        logicalType: string
        classification: internal
      - name: email
        logicalType: string
        classification: restricted
roles:
  - role: analyst
    access: read
  - role: loader
    access: write
`;

export const LEVELS_CONTRACT = `apiVersion: v3.1.0
kind: DataContract
id: levels-contract
version: 1.0.0
status: active
domain: stock
dataProduct: levels
schema:
  - name: stock_levels
    properties:
      - name: sku
        logicalType: string
      - name: on_hand
        logicalType: integer
roles:
  - role: reader
    access: read
`;

export const BASE_FILES: Readonly<Record<string, string>> = {
  'mesh.yaml': MESH_YAML,
  'contracts/orders.odcs.yaml': ORDERS_CONTRACT,
  'contracts/levels.odcs.yaml': LEVELS_CONTRACT,
};

/** A fresh temp dir holding `files` (paths relative to it); removed when the test process ends. */
export class MeshFixture {
  readonly dir: string;

  constructor(files: Readonly<Record<string, string | Uint8Array>> = BASE_FILES) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakemesh-mesh-'));
    created.push(this.dir);
    for (const [file, content] of Object.entries(files)) this.write(file, content);
  }

  /** The base fixture with each file's edit applied; an edit that changes nothing fails the test. */
  static edited(edits: Readonly<Record<string, (text: string) => string>>, base: Readonly<Record<string, string>> = BASE_FILES): MeshFixture {
    const files: Record<string, string> = { ...base };
    for (const [file, edit] of Object.entries(edits)) {
      const original = files[file] ?? '';
      files[file] = edit(original);
      if (files[file] === original) throw new Error(`fixture edit changed nothing in ${file}`);
    }
    return new MeshFixture(files);
  }

  write(file: string, content: string | Uint8Array): string {
    const target = this.path(file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
    return target;
  }

  path(file = 'mesh.yaml'): string {
    return path.join(this.dir, file);
  }

  read(file: string): string {
    return fs.readFileSync(this.path(file), 'utf8');
  }

  load(options: LoadMeshOptions = { today: TODAY }): MeshConfig {
    return this.loadFile('mesh.yaml', options);
  }

  /** Loads another mesh file of the fixture (e.g. a reordered copy of mesh.yaml). */
  loadFile(file: string, options: LoadMeshOptions = { today: TODAY }): MeshConfig {
    return loadMesh(this.path(file), options);
  }

  /** The problems loading the fixture throws (fails the test when it loads). */
  problems(options: LoadMeshOptions = { today: TODAY }): readonly Problem[] {
    return problemsOf(() => this.load(options));
  }

  /** `{ file, line, column }` of the `occurrence`-th `needle` in `file` (as the loader names it). */
  at(file: string, needle: string, occurrence = 1): { file: string; line: number; column: number } {
    const text = this.read(file);
    let offset = -1;
    for (let i = 0; i < occurrence; i++) {
      offset = text.indexOf(needle, offset + 1);
      if (offset < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) not in ${file}`);
    }
    const before = text.slice(0, offset).split('\n');
    return { file: this.path(file), line: before.length, column: before[before.length - 1].length + 1 };
  }
}


const created: string[] = [];
afterAll(() => {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
