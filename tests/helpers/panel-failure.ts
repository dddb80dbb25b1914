import { expect } from "vitest";
import { HostingPanelError } from "@/lib/hosting/hosting-panel";

/** The HostingPanelError a panel call fails with; the test fails if it succeeds or throws anything else. */
export async function panelFailure(promise: Promise<unknown>): Promise<HostingPanelError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(HostingPanelError);
    return error as HostingPanelError;
  }
  throw new Error("expected the panel call to fail");
}
