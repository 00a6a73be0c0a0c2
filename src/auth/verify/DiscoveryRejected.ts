/** Thrown when the server's discovery document fails Valet's checks; nothing may be sent to its endpoints. */
export class DiscoveryRejected extends Error {
  override readonly name = "DiscoveryRejected";

  constructor(readonly problems: readonly string[]) {
    super(`Valet will not send you to this sign-in server. ${problems.join(" ")}`);
  }
}
