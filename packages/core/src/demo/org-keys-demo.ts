import { Sm2Signer } from '../crypto/index.js';
import type { Services } from '../services.js';
import { loginAs } from './demo-login.js';
import { DEMO_PASSWORD } from './demo-data.js';

/**
 * Org signing keys, set by each org's administrator with their password re-entered, as in use: the admitted
 * merchants (齐鲁数据, 泉城数智) sign with keys the platform custodies; 鲁信普惠 registered a key of its own
 * and signs offline. Its private half stays with the seed, which signs 鲁信普惠's contract with it as the org
 * would with `shuliu trade sign-contract`; the database never holds it.
 */
export async function seedOrgKeysDemo(s: Services): Promise<{ buyerSigner: Sm2Signer }> {
  for (const username of ['merchant', 'quancheng']) {
    const admin = await loginAs(s, username);
    const confirmed = await s.identity.auth.confirmPassword(admin, DEMO_PASSWORD);
    await s.crypto.orgKeys.createCustodied(admin, admin.principal!.orgId!, confirmed);
  }
  const buyer = await loginAs(s, 'buyer');
  const confirmed = await s.identity.auth.confirmPassword(buyer, DEMO_PASSWORD);
  const buyerSigner = Sm2Signer.generate();
  await s.crypto.orgKeys.registerOrgHeld(buyer, buyer.principal!.orgId!, buyerSigner.publicKeyHex, confirmed);
  return { buyerSigner };
}
