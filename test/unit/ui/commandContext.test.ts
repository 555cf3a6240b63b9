// The context every command gets: the connected catalog or a plain "connect first", and the one
// "which provisioned product?" prompt (capable products only, one or several, names made inert).
import { strict as assert } from 'node:assert';
import { commandContext, type CommandServices } from '../../../src/ui/commandContext';
import { COMMANDS } from '../../../src/ui/commandIds';

type Item = { label: string; description?: string; node: unknown };

function services(options: { connected?: boolean; rows?: object[] } = {}) {
  const asked: { kind: string; title?: string; items: Item[] }[] = [];
  const nodes = (options.rows ?? []).map((row) => ({ row }));
  const api = {};
  const value = {
    profile: () => undefined,
    session: { api: options.connected === false ? undefined : api },
    products: { all: nodes },
    input: {
      pickOne: async (items: Item[], o: { title?: string }) => (asked.push({ kind: 'pickOne', title: o.title, items }), items[0]),
      pickMany: async (items: Item[], o: { title?: string }) => (asked.push({ kind: 'pickMany', title: o.title, items }), items),
    },
  } as unknown as CommandServices;
  return { value, asked, nodes, api };
}

const rows = [
  { Id: 'pp-1', Name: 'web $(zap)', Status: 'AVAILABLE', ProductName: 'Web' },
  { Id: 'pp-2', Name: 'db', Status: 'UNDER_CHANGE' },
  { Id: 'pp-3', Name: 'queue', Status: 'ERROR' },
];

describe('command context', () => {
  it('hands out the connected catalog, or says to connect first', () => {
    const connected = services();
    assert.equal(commandContext(COMMANDS.terminate, connected.value).requireApi(), connected.api);
    assert.throws(() => commandContext(COMMANDS.terminate, services({ connected: false }).value).requireApi(), /^Error: Connect to AWS or the sandbox first\.$/);
  });

  it('offers one product among those with the capability, under the caller\'s title, labels made inert', async () => {
    const s = services({ rows });
    const picked = await commandContext(COMMANDS.showPlans, s.value).pickProvisionedProduct('canRunAction', { title: 'Run an action on which provisioned product?' });
    assert.equal(picked, s.nodes[0]);
    const [asked] = s.asked;
    assert.equal(asked.kind, 'pickOne');
    assert.equal(asked.title, 'Run an action on which provisioned product?');
    assert.deepEqual(asked.items.map((i) => i.node), [s.nodes[0]], 'AVAILABLE only: UNDER_CHANGE and ERROR cannot run actions');
    assert.equal(asked.items[0].label, 'web \\$(zap)');
    assert.match(asked.items[0].description!, /^Available · Web · pp-1$/);
  });

  it('offers every product without a capability, and several at once where asked', async () => {
    const one = services({ rows });
    await commandContext(COMMANDS.showOutputs, one.value).pickProvisionedProduct();
    assert.equal(one.asked[0].title, 'Which provisioned product?');
    assert.equal(one.asked[0].items.length, 3);

    const many = services({ rows });
    const picked = await commandContext(COMMANDS.terminate, many.value).pickProvisionedProducts('canTerminate');
    assert.equal(many.asked[0].kind, 'pickMany');
    assert.equal(many.asked[0].title, 'Which provisioned products?');
    assert.deepEqual(picked, [many.nodes[0], many.nodes[2]]);
  });

  it('says so when no product qualifies, and asks nothing when not connected', async () => {
    const busy = services({ rows: [rows[1]] });
    await assert.rejects(commandContext(COMMANDS.terminate, busy.value).pickProvisionedProducts('canTerminate'), /No provisioned product in the view can do this now/);
    await assert.rejects(commandContext(COMMANDS.showOutputs, services().value).pickProvisionedProduct(), /No provisioned products are shown/);
    const signedOut = services({ connected: false, rows });
    await assert.rejects(commandContext(COMMANDS.showOutputs, signedOut.value).pickProvisionedProduct(), /Connect to AWS or the sandbox first/);
    assert.equal(signedOut.asked.length, 0);
  });
});
