import type { DPoPProver } from "./createDPoPProver";

/**
 * The DPoP prover for `clientId`'s key, loaded with the first proof: the first page of a deployment without DPoP,
 * or of a signed-out visitor, carries none of it.
 */
export function lazyDPoPProver(clientId: string): DPoPProver {
  let loaded: Promise<DPoPProver> | undefined;
  const prover = () =>
    (loaded ??= Promise.all([import("./createDPoPProver"), import("./storedDPoPKeys")]).then(
      ([{ createDPoPProver }, { storedDPoPKeys }]) => createDPoPProver(storedDPoPKeys(clientId)),
    ));
  return {
    proof: async (request, accessToken) => (await prover()).proof(request, accessToken),
    acceptNonce: async (request, answer, refusedProof) =>
      (await prover()).acceptNonce(request, answer, refusedProof),
  };
}
