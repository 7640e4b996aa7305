import * as assert from 'assert';
import { finalRefusal, refusalReason } from '../../client/src/renameOwnership';

describe('client: a refusal of our rename in a vault is final', () => {
	it('keeps the server\'s reason, and makes it a markdown string, not an Error (VS Code then asks no other rename provider)', () => {
		const refusal = finalRefusal(new Error('No page at /people/ghost/.'));
		assert.deepStrictEqual(refusal, { value: 'No page at /people/ghost/.' });
		assert.ok(!((refusal as unknown) instanceof Error));
		assert.strictEqual(refusalReason('plain reason'), 'plain reason');
		assert.strictEqual(refusalReason(new Error('')), 'Entity Vault cannot rename this.');
		assert.strictEqual(refusalReason(undefined), 'Entity Vault cannot rename this.');
	});
});
